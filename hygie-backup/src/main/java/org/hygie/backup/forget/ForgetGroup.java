package org.hygie.backup.forget;

import java.util.List;
import org.hygie.repository.Repository;

/** A group of snapshots and what the policy does with it: kept (newest first, with reasons) and removed. */
public record ForgetGroup(GroupKey key, List<Repository.SnapshotEntry> keep, List<Repository.SnapshotEntry> remove,
        List<KeepReason> reasons) {

    public ForgetGroup {
        keep = List.copyOf(keep);
        remove = List.copyOf(remove);
        reasons = List.copyOf(reasons);
    }
}
