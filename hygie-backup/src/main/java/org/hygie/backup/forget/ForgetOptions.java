package org.hygie.backup.forget;

import java.util.List;
import java.util.Objects;

/**
 * What {@code forget} is asked: a policy applied to the snapshots the filter selects, grouped; or, when
 * {@code snapshots} names some (ids, unique prefixes or {@code latest}), exactly those, as restic does (the policy
 * and the filter are then ignored). {@code legalHold} is Hygie's practice rule, null when off (the plain command's
 * default).
 */
public record ForgetOptions(ForgetPolicy policy, SnapshotFilter filter, GroupBy groupBy, List<String> snapshots,
        LegalHold legalHold) {

    public ForgetOptions {
        Objects.requireNonNull(policy);
        Objects.requireNonNull(filter);
        Objects.requireNonNull(groupBy);
        snapshots = List.copyOf(snapshots);
    }

    public static ForgetOptions of(ForgetPolicy policy) {
        return new ForgetOptions(policy, SnapshotFilter.ALL, GroupBy.DEFAULT, List.of(), null);
    }

    public ForgetOptions withFilter(SnapshotFilter f) {
        return new ForgetOptions(policy, f, groupBy, snapshots, legalHold);
    }

    public ForgetOptions withGroupBy(GroupBy g) {
        return new ForgetOptions(policy, filter, g, snapshots, legalHold);
    }

    public ForgetOptions withSnapshots(List<String> refs) {
        return new ForgetOptions(policy, filter, groupBy, refs, legalHold);
    }

    public ForgetOptions withLegalHold(LegalHold hold) {
        return new ForgetOptions(policy, filter, groupBy, snapshots, hold);
    }
}
