package org.hygie.backup.forget;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hygie.repository.Repository;
import org.hygie.repository.id.Id;

/**
 * What {@code forget} will do, before it does it: a value a dry run prints and {@link Forgetter#execute} carries
 * out. {@code groups} hold the policy's decisions (empty when the policy is empty or snapshots were named);
 * {@code named} the snapshots asked for by id that go; {@code held} the snapshots the legal hold kept back from
 * removal; {@code unreadable} the snapshot files that did not load (left alone).
 */
public record ForgetPlan(List<ForgetGroup> groups, List<Repository.SnapshotEntry> named,
        List<Repository.SnapshotEntry> held, boolean policyEmpty, List<String> unreadable) {

    public ForgetPlan {
        groups = List.copyOf(groups);
        named = List.copyOf(named);
        held = List.copyOf(held);
        unreadable = List.copyOf(unreadable);
    }

    /** The snapshots to remove, each once. */
    public List<Id> toRemove() {
        Set<Id> out = new LinkedHashSet<>();
        for (ForgetGroup g : groups) {
            for (Repository.SnapshotEntry e : g.remove()) {
                out.add(e.id());
            }
        }
        for (Repository.SnapshotEntry e : named) {
            out.add(e.id());
        }
        return new ArrayList<>(out);
    }
}
