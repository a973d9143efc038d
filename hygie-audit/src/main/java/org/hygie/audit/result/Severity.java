package org.hygie.audit.result;

import java.util.Locale;

/** How much a failing point matters; orders the action list and weighs the score. */
public enum Severity {
    CRITICAL(4), HIGH(3), MEDIUM(2), LOW(1);

    private final int weight;

    Severity(int weight) {
        this.weight = weight;
    }

    public int weight() {
        return weight;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
