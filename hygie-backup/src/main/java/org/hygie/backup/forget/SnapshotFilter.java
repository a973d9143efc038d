package org.hygie.backup.forget;

import java.util.ArrayList;
import java.util.List;
import org.hygie.repository.snapshot.Snapshot;

/**
 * Which snapshots a command considers, as restic's {@code --host}, {@code --tag} and {@code --path}: any of the
 * hosts, any of the tag lists (a snapshot matches a list when it has all its tags; the list {@code [""]} matches
 * snapshots without tags), and all of the paths. Empty criteria match everything.
 */
public record SnapshotFilter(List<String> hosts, List<List<String>> tagLists, List<String> paths) {
    public static final SnapshotFilter ALL = new SnapshotFilter(List.of(), List.of(), List.of());

    public SnapshotFilter {
        hosts = List.copyOf(hosts);
        List<List<String>> t = new ArrayList<>();
        for (List<String> l : tagLists) {
            t.add(List.copyOf(l));
        }
        tagLists = List.copyOf(t);
        paths = List.copyOf(paths);
    }

    /** restic's reading of {@code --tag a,b}: split on commas, blanks around each tag removed. */
    public static List<String> tagList(String text) {
        List<String> out = new ArrayList<>();
        for (String t : text.split(",", -1)) {
            out.add(t.strip());
        }
        return out;
    }

    public boolean matches(Snapshot s) {
        return hasHost(s) && hasTagList(s, tagLists) && s.paths().containsAll(paths);
    }

    private boolean hasHost(Snapshot s) {
        return hosts.isEmpty() || hosts.contains(s.hostname() == null ? "" : s.hostname());
    }

    static boolean hasTagList(Snapshot s, List<List<String>> lists) {
        if (lists.isEmpty()) {
            return true;
        }
        for (List<String> l : lists) {
            if (hasTags(s, l)) {
                return true;
            }
        }
        return false;
    }

    /** restic's {@code HasTags}: all tags of {@code l}; an empty tag matches a snapshot without tags. */
    static boolean hasTags(Snapshot s, List<String> l) {
        for (String tag : l) {
            if (tag.isEmpty() && s.tags().isEmpty()) {
                return true;
            }
            if (!s.tags().contains(tag)) {
                return false;
            }
        }
        return true;
    }
}
