package org.hygie.backup.forget;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hygie.repository.snapshot.Snapshot;

/** How snapshots are grouped before a policy applies to each group: restic's {@code --group-by host,paths,tags}. */
public record GroupBy(boolean host, boolean paths, boolean tags) {
    /** restic's default: host and paths. */
    public static final GroupBy DEFAULT = new GroupBy(true, true, false);
    public static final GroupBy NONE = new GroupBy(false, false, false);

    /** Parses restic's comma-separated list; the empty string means no grouping. */
    public static GroupBy parse(String text) {
        boolean h = false;
        boolean p = false;
        boolean t = false;
        for (String option : text.split(",", -1)) {
            switch (option) {
                case "host", "hosts" -> h = true;
                case "path", "paths" -> p = true;
                case "tag", "tags" -> t = true;
                case "" -> { }
                default -> throw new IllegalArgumentException("unknown grouping option: '" + option + "'");
            }
        }
        return new GroupBy(h, p, t);
    }

    /** The group of {@code s}: unused criteria stay empty (null lists), lists sorted as restic sorts them. */
    public GroupKey keyOf(Snapshot s) {
        String hostname = host && s.hostname() != null ? s.hostname() : "";
        List<String> p = paths && s.paths() != null && !s.paths().isEmpty() ? sorted(s.paths()) : null;
        List<String> t = tags && s.tags() != null && !s.tags().isEmpty() ? sorted(s.tags()) : null;
        return new GroupKey(hostname, p, t);
    }

    private static List<String> sorted(List<String> l) {
        List<String> out = new ArrayList<>(l);
        out.sort(GroupBy::compareGo);
        return List.copyOf(out);
    }

    /** Go's string order: byte-wise on UTF-8. */
    static int compareGo(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (host) {
            parts.add("host");
        }
        if (paths) {
            parts.add("paths");
        }
        if (tags) {
            parts.add("tags");
        }
        return String.join(",", parts).toLowerCase(Locale.ROOT);
    }
}
