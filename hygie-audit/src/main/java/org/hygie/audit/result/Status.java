package org.hygie.audit.result;

import java.util.Locale;

/** The verdict on one guide point. A refusal or a missing fact is {@link #UNKNOWN}, never a pass or a fail. */
public enum Status {
    PASS, WARN, FAIL, UNKNOWN, NOT_APPLICABLE, MANUAL;

    /** The spelling used in the catalogue and the JSON output: {@code pass}, {@code not-applicable}... */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Status fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** Whether the point was judged on facts (counts in the score). */
    public boolean graded() {
        return this == PASS || this == WARN || this == FAIL;
    }

    /** Order in the action list: failures first, then warnings, then what could not be checked, then attestations. */
    public int urgency() {
        return switch (this) {
            case FAIL -> 0;
            case WARN -> 1;
            case UNKNOWN -> 2;
            case MANUAL -> 3;
            default -> 9;
        };
    }
}
