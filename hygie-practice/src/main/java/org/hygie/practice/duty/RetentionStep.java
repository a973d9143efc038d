package org.hygie.practice.duty;

import java.time.Clock;
import org.hygie.practice.config.Retention;
import org.hygie.repository.Repository;

/**
 * Retention on one medium, after its backups: forget the snapshots the policy does not keep (restic's
 * {@code forget --keep-daily … --keep-within-yearly …}, grouped by host and paths), never a yearly one inside
 * the legal duration.
 *
 * <p>{@link ForgetRetentionStep} is the live one ({@link DutyServices#live}), on the forget library;
 * {@link #NOT_AVAILABLE} removes nothing and says so in the journal (tests that are not about retention use it).
 */
public interface RetentionStep {
    /**
     * @param applied whether a policy was applied
     * @param kept    snapshots kept
     * @param removed snapshots forgotten
     * @param detail  one sentence, in English, for the journal
     */
    record Result(boolean applied, int kept, int removed, String detail) {
    }

    Result apply(Repository repo, Retention policy, Clock clock);

    RetentionStep NOT_AVAILABLE = (repo, policy, clock) -> new Result(false, 0, 0,
            "the forget library is not in this build: nothing removed (policy " + describe(policy) + ")");

    static String describe(Retention p) {
        return "daily " + p.daily() + ", weekly " + p.weekly() + ", monthly " + p.monthly() + ", yearly within "
                + p.yearlyWithin();
    }
}
