package org.hygie.backup.copy;

import java.util.Objects;
import org.hygie.repository.snapshot.Snapshot;

/**
 * restic's {@code similarSnapshots} (cmd_copy.go): two snapshots are copies of each other when everything but
 * {@code parent} and {@code original} matches: the instant, the tree, host, user, uid, gid, the paths and tags as
 * sets (restic compares counts, then membership), the excludes in order.
 */
final class SimilarSnapshots {
    private SimilarSnapshots() {
    }

    static boolean similar(Snapshot a, Snapshot b) {
        if (!a.instant().toInstant().equals(b.instant().toInstant()) || !Objects.equals(a.tree(), b.tree())
                || !Objects.equals(nz(a.hostname()), nz(b.hostname()))
                || !Objects.equals(nz(a.username()), nz(b.username())) || a.uid() != b.uid() || a.gid() != b.gid()
                || a.paths().size() != b.paths().size() || excludes(a).size() != excludes(b).size()
                || a.tags().size() != b.tags().size()) {
            return false;
        }
        if (!a.paths().containsAll(b.paths()) || !hasTags(a, b)) {
            return false;
        }
        return excludes(a).equals(excludes(b));
    }

    private static boolean hasTags(Snapshot a, Snapshot b) {
        for (String tag : b.tags()) {
            if (tag.isEmpty() && a.tags().isEmpty()) {
                return true;
            }
            if (!a.tags().contains(tag)) {
                return false;
            }
        }
        return true;
    }

    private static java.util.List<String> excludes(Snapshot s) {
        return s.excludes() == null ? java.util.List.of() : s.excludes();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
