package org.hygie.audit.rule;

import org.hygie.audit.fact.Fact;

/**
 * The value of a condition on the facts at hand. Four-valued: besides true and false, {@code UNKNOWN} (a fact
 * it needs could not be had: refused, command missing...) and {@code ABSENT} (the fact is not given on this OS,
 * or does not apply). {@code cause} is the fact behind an UNKNOWN or ABSENT, when there is one.
 */
public record Verdict(Truth truth, Fact cause) {
    /** The four truth values. */
    public enum Truth { TRUE, FALSE, UNKNOWN, ABSENT }

    static final Verdict TRUE = new Verdict(Truth.TRUE, null);
    static final Verdict FALSE = new Verdict(Truth.FALSE, null);

    static Verdict of(boolean b) {
        return b ? TRUE : FALSE;
    }

    boolean is(Truth t) {
        return truth == t;
    }
}
