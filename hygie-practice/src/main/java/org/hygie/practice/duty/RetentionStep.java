package org.hygie.practice.duty;

import java.time.Clock;
import org.hygie.practice.config.Retention;
import org.hygie.repository.Repository;

/**
 * Retention on one medium, after its backups: forget the snapshots the policy does not keep (restic's
 * {@code forget --keep-daily … --keep-within-yearly …}, grouped by host and paths), never a yearly one inside
 * the legal duration.
 *
 * <p>Where the forget library plugs in: the capability is {@code org.hygie.backup.forget} (restic 0.14's policy
 * with Hygie's legal hold). A {@code RetentionStep} built on it takes an exclusive repository lock, plans with
 * {@code new Forgetter(repo, clock, zone).plan(ForgetOptions.of(policy).withLegalHold(new LegalHold(...)))} —
 * {@code policy} keeping {@code daily}, {@code weekly}, {@code monthly} and every yearly within
 * {@code yearlyWithin} — then {@code execute}s the plan, and is handed to the duty with
 * {@link DutyServices#withRetention}; {@link DutyServices#live} is the one place that chooses it. Until that library
 * is on the main line, {@link #NOT_AVAILABLE} is used: it removes nothing and the journal says so (a backup kept
 * too long is safe; one removed too early is not).
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
