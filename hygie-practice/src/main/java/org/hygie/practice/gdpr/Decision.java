package org.hygie.practice.gdpr;

import java.time.Instant;

/**
 * What the practice decided about a breach (GDPR art. 33): notify the CNIL, or not because the breach is unlikely
 * to put people at risk, with the reason (the breach stays in the log either way, art. 33.5).
 *
 * @param notified  whether the CNIL was notified
 * @param at        when the CNIL was notified, or when it was decided not to
 * @param reference the CNIL's notification number, or null
 * @param reason    why the CNIL was not notified (required then), or null
 */
public record Decision(boolean notified, Instant at, String reference, String reason) {
    public static Decision notifiedAt(Instant at, String reference) {
        return new Decision(true, at, blankToNull(reference), null);
    }

    public static Decision notNotified(Instant at, String reason) {
        return new Decision(false, at, null, reason);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
