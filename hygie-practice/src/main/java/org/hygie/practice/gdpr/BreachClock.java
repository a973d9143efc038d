package org.hygie.practice.gdpr;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a breach stands against its 72-hour clock at a given time. Hours are whole hours rounded down, as the
 * audit counts them: 71 h 59 min left is 71 h left; 30 minutes past the deadline is late by 0 h.
 *
 * @param state     open (a decision is due within the clock), late (the clock ran out without a decision),
 *                  notified or not notified (decided)
 * @param deadline  discovery + 72 hours
 * @param hoursLeft hours before the deadline while open, else 0
 * @param hoursLate hours past the deadline while late; for a decision taken after the deadline, how late it was
 * @param pastDeadline whether the deadline passed before a decision was taken (late now, or decided late)
 */
public record BreachClock(State state, Instant deadline, long hoursLeft, long hoursLate, boolean pastDeadline) {
    public enum State {
        OPEN, LATE, NOTIFIED, NOT_NOTIFIED;

        /** {@code open}, {@code late}, {@code notified}, {@code not-notified}: the stable spelling of JSON output. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public static BreachClock of(Breach b, Instant now) {
        Instant deadline = b.deadline();
        Decision d = b.decision();
        if (d != null) {
            boolean past = d.at().isAfter(deadline);
            return new BreachClock(d.notified() ? State.NOTIFIED : State.NOT_NOTIFIED, deadline, 0,
                    past ? Duration.between(deadline, d.at()).toHours() : 0, past);
        }
        if (now.isAfter(deadline)) {
            return new BreachClock(State.LATE, deadline, 0, Duration.between(deadline, now).toHours(), true);
        }
        return new BreachClock(State.OPEN, deadline, Duration.between(now, deadline).toHours(), 0, false);
    }

    /** Whether the breach still waits for a decision. */
    public boolean undecided() {
        return state == State.OPEN || state == State.LATE;
    }

    /** Whether the decision came after the deadline (GDPR art. 33.1 then asks for the reasons of the delay). */
    public boolean decidedLate() {
        return !undecided() && pastDeadline;
    }
}
