package org.hygie.backup.archiver;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hygie.repository.Repository;
import org.hygie.repository.id.Id;

/** Finds the parent snapshot as restic does: the latest one of the same host with the same set of paths. */
final class ParentFinder {
    private ParentFinder() {
    }

    static Repository.SnapshotEntry find(Repository repo, String host, List<String> paths) {
        Set<String> wanted = new HashSet<>(paths);
        Repository.SnapshotEntry best = null;
        for (Repository.SnapshotEntry e : repo.snapshots(err -> { })) {
            if (Objects.equals(e.snapshot().hostname(), host) && new HashSet<>(e.snapshot().paths()).equals(wanted)) {
                best = e; // snapshots() is oldest first
            }
        }
        return best;
    }

    static Repository.SnapshotEntry byId(Repository repo, Id id) {
        return new Repository.SnapshotEntry(id, repo.loadSnapshot(id));
    }
}
