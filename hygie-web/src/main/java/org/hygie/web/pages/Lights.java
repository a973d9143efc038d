package org.hygie.web.pages;

import org.hygie.audit.result.SectionScore;
import org.hygie.audit.result.Status;

/** The colour of a light, from what the lower layers concluded (no judgement of its own). */
public enum Lights {
    RED, ORANGE, GREY, GREEN;

    public String css() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Failures: red; warnings, points not checked or awaiting an attestation: orange; all passed: green. */
    public static Lights of(SectionScore s) {
        if (s.fail() > 0) {
            return RED;
        }
        if (s.warn() > 0 || s.unknown() > 0 || s.manual() > 0) {
            return ORANGE;
        }
        return s.pass() > 0 ? GREEN : GREY;
    }

    public static Lights of(Status s) {
        return switch (s) {
            case FAIL -> RED;
            case WARN, UNKNOWN, MANUAL -> ORANGE;
            case PASS -> GREEN;
            case NOT_APPLICABLE -> GREY;
        };
    }

    public Lights worst(Lights other) {
        return other.ordinal() < ordinal() ? other : this;
    }
}
