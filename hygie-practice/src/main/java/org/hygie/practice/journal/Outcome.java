package org.hygie.practice.journal;

/** How a step ended. */
public enum Outcome {
    OK, WARNING, FAILED, SKIPPED;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Outcome of(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }

    /** The worse of two outcomes (skipped counts as ok). */
    public Outcome worst(Outcome other) {
        return rank(other) > rank(this) ? other : this;
    }

    private static int rank(Outcome o) {
        return switch (o) {
            case OK, SKIPPED -> 0;
            case WARNING -> 1;
            case FAILED -> 2;
        };
    }
}
