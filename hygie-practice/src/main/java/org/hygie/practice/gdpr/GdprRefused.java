package org.hygie.practice.gdpr;

import org.hygie.practice.text.Texts;

/**
 * A change of the GDPR file that was refused, nothing written: {@code code} names the sentence ({@code
 * gdpr.refused.CODE} in the practice's texts), {@code args} the values in it.
 */
public final class GdprRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final transient Object[] args;

    public GdprRefused(String code, Object... args) {
        super(code + " " + java.util.Arrays.toString(args));
        this.code = code;
        this.args = GdprProblem.sentenceArgs(args);
    }

    public String code() {
        return code;
    }

    public String text(Texts texts) {
        return texts.get("gdpr.refused." + code, args);
    }
}
