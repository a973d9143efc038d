package org.hygie.practice.duty;

import java.io.IOException;
import java.time.Clock;
import org.hygie.backup.forget.ForgetListener;
import org.hygie.backup.forget.ForgetOptions;
import org.hygie.backup.forget.ForgetPlan;
import org.hygie.backup.forget.ForgetPolicy;
import org.hygie.backup.forget.ForgetResult;
import org.hygie.backup.forget.Forgetter;
import org.hygie.backup.forget.KeepDuration;
import org.hygie.backup.forget.LegalHold;
import org.hygie.practice.config.Retention;
import org.hygie.practice.config.Span;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.lock.Locks;
import org.hygie.repository.lock.RepositoryLock;

/**
 * Retention through the forget library: restic's policy (dailies, weeklies, monthlies, and the yearly of every
 * year within the legal duration), grouped by host and paths, with Hygie's legal hold on top, under an exclusive
 * lock. Snapshots only: unreferenced data stays until a prune, so a retention step never loses a byte still used.
 * On append-only storage nothing is removed, by design.
 */
public final class ForgetRetentionStep implements RetentionStep {

    @Override
    public Result apply(Repository repo, Retention policy, Clock clock) {
        try {
            if (!repo.backend().deletionAllowed()) {
                return new Result(false, 0, 0, "append-only storage: nothing removed, as intended");
            }
        } catch (IOException e) {
            return new Result(false, 0, 0, "could not ask the storage whether it allows deletion: " + e.getMessage());
        }
        KeepDuration legal = duration(policy.yearlyWithin());
        ForgetPolicy keep = ForgetPolicy.builder().keepDaily(policy.daily()).keepWeekly(policy.weekly())
                .keepMonthly(policy.monthly()).keepWithinYearly(legal).build();
        try (RepositoryLock lock = Locks.acquire(repo, true)) {
            Forgetter forgetter = new Forgetter(repo, clock, clock.getZone());
            ForgetPlan plan = forgetter.plan(ForgetOptions.of(keep).withLegalHold(new LegalHold(legal)));
            ForgetResult done = forgetter.execute(plan, lock, new ForgetListener() { });
            int kept = repo.list(FileType.SNAPSHOT).size();
            return new Result(true, kept, done.removed().size(), "forgot " + done.removed().size()
                    + " snapshot(s), kept " + kept + " (policy " + RetentionStep.describe(policy) + ")");
        }
    }

    private static KeepDuration duration(Span s) {
        return new KeepDuration(s.years(), s.months(), s.days(), s.hours());
    }
}
