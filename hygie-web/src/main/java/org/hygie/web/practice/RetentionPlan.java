package org.hygie.web.practice;

import java.time.Instant;

/**
 * Which snapshots are kept: the last {@code daily} days, {@code weekly} weeks, {@code monthly} months, and one a
 * year within {@code yearlyWithinYears} years (the legal retention of medical records); and what the last
 * retention did.
 *
 * @param lastRun when retention last ran on a medium, null when never
 * @param applied whether that run applied the policy (false: nothing was removed, see the journal)
 * @param removed snapshots it removed
 */
public record RetentionPlan(int daily, int weekly, int monthly, int yearlyWithinYears, Instant lastRun,
                            boolean applied, int removed) {
    public RetentionPlan(int daily, int weekly, int monthly, int yearlyWithinYears) {
        this(daily, weekly, monthly, yearlyWithinYears, null, false, 0);
    }
}
