package org.hygie.backup.forget;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hygie.repository.Repository;
import org.hygie.repository.id.Id;

/**
 * Hygie's practice rule on top of restic's policy (DESIGN.md §4): medical records must be kept for decades, so the
 * yearly snapshot of every year inside the legal retention period is never forgotten, whatever the policy, the
 * filters, the grouping or the snapshot ids asked for. The yearly snapshot of a year is the newest snapshot of
 * that calendar year (restic's {@code --keep-yearly} choice), among the snapshots of the same host and paths;
 * the year is inside the period when that snapshot is newer than the newest snapshot of the same host and paths
 * (not in the future) minus the retention, measured as restic measures {@code --keep-within-yearly}. The rule
 * looks at every snapshot of the repository, not only those a filter selected.
 */
public record LegalHold(KeepDuration retention) {

    public LegalHold {
        Objects.requireNonNull(retention);
        if (retention.isZero() || retention.isNegative()) {
            throw new IllegalArgumentException("the legal retention must be a positive duration, not " + retention);
        }
    }

    /** The reason given for a snapshot kept by this rule. */
    public String reason() {
        return "legal yearly within " + retention;
    }

    /** The snapshots this rule protects, among {@code all} the repository holds. */
    public List<Id> protectedSnapshots(List<Repository.SnapshotEntry> all, Instant now, ZoneId localZone) {
        Map<GroupKey, List<Repository.SnapshotEntry>> groups = new LinkedHashMap<>();
        for (Repository.SnapshotEntry e : all) {
            groups.computeIfAbsent(GroupBy.DEFAULT.keyOf(e.snapshot()), k -> new ArrayList<>()).add(e);
        }
        ForgetPolicy yearlyWithin = ForgetPolicy.builder().keepWithinYearly(retention).build();
        List<Id> out = new ArrayList<>();
        Map<Id, Boolean> seen = new HashMap<>();
        for (Map.Entry<GroupKey, List<Repository.SnapshotEntry>> g : groups.entrySet()) {
            ForgetGroup decided = KeepRules.apply(g.getKey(), g.getValue(), yearlyWithin, now, localZone);
            for (Repository.SnapshotEntry e : decided.keep()) {
                if (seen.put(e.id(), Boolean.TRUE) == null) {
                    out.add(e.id());
                }
            }
        }
        return out;
    }
}
