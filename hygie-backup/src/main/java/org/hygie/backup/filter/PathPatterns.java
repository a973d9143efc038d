package org.hygie.backup.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * restic's path patterns, for restore's includes and backup's excludes. Patterns are split on {@code /};
 * {@code *} and {@code ?} match within a component, {@code **} any number of components; a pattern
 * not starting with {@code /} may match at any depth. For includes, a path is taken when a pattern matches
 * it or one of its parents, and a folder is entered when a pattern may match something below it.
 */
public final class PathPatterns {
    private final List<String[]> patterns = new ArrayList<>();

    public PathPatterns(List<String> raw) {
        for (String p : raw) {
            String trimmed = p.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String full = trimmed.startsWith("/") ? trimmed.substring(1) : "**/" + trimmed;
            while (full.endsWith("/")) {
                full = full.substring(0, full.length() - 1);
            }
            patterns.add(full.split("/"));
        }
    }

    /** True when there is no pattern (for includes: everything is included). */
    public boolean all() {
        return patterns.isEmpty();
    }

    /** Whether a pattern matches exactly this path (components from the root). */
    public boolean matches(List<String> path) {
        for (String[] p : patterns) {
            if (match(p, 0, path, 0, false)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the path (components from the snapshot root) or one of its parents is included. */
    public boolean includes(List<String> path) {
        if (all()) {
            return true;
        }
        for (int len = 1; len <= path.size(); len++) {
            List<String> prefix = path.subList(0, len);
            for (String[] p : patterns) {
                if (match(p, 0, prefix, 0, false)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether something below this folder may be included. */
    public boolean mayIncludeBelow(List<String> dir) {
        if (all()) {
            return true;
        }
        for (String[] p : patterns) {
            if (match(p, 0, dir, 0, true)) {
                return true;
            }
        }
        return false;
    }

    /** Matches pattern components against path components; {@code prefixOnly}: the path may end early. */
    private static boolean match(String[] pat, int pi, List<String> path, int si, boolean prefixOnly) {
        if (si == path.size()) {
            if (prefixOnly) {
                return true;
            }
            for (int k = pi; k < pat.length; k++) {
                if (!pat[k].equals("**")) {
                    return false;
                }
            }
            return true;
        }
        if (pi == pat.length) {
            return false;
        }
        if (pat[pi].equals("**")) {
            return match(pat, pi + 1, path, si, prefixOnly) || match(pat, pi, path, si + 1, prefixOnly);
        }
        return glob(pat[pi], path.get(si)) && match(pat, pi + 1, path, si + 1, prefixOnly);
    }

    /** Shell-style match of one component: {@code *} any run, {@code ?} one character. */
    public static boolean glob(String pattern, String name) {
        int p = 0;
        int n = 0;
        int star = -1;
        int mark = 0;
        while (n < name.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == name.charAt(n))) {
                p++;
                n++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = n;
            } else if (star >= 0) {
                p = star + 1;
                n = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
