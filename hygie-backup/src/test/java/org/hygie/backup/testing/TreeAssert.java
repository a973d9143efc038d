package org.hygie.backup.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Asserts that two folders hold the same tree: names, types, contents, link targets, permission bits with
 * setuid/setgid/sticky, mtimes to the nanosecond, owners, and which files are hard links of each other.
 */
public final class TreeAssert {
    private TreeAssert() {
    }

    public static void assertSameTree(Path expected, Path actual) throws IOException {
        Map<String, Path> e = entries(expected);
        Map<String, Path> a = entries(actual);
        assertEquals(e.keySet(), a.keySet(), "the same names");
        Map<Object, String> expectedInodes = new HashMap<>();
        Map<Object, String> actualInodes = new HashMap<>();
        for (Map.Entry<String, Path> x : e.entrySet()) {
            String rel = x.getKey();
            Path ep = x.getValue();
            Path ap = a.get(rel);
            Map<String, Object> ea = Files.readAttributes(ep, "unix:*", LinkOption.NOFOLLOW_LINKS);
            Map<String, Object> aa = Files.readAttributes(ap, "unix:*", LinkOption.NOFOLLOW_LINKS);
            int emode = (Integer) ea.get("mode");
            int amode = (Integer) aa.get("mode");
            assertEquals(emode & 0170000, amode & 0170000, rel + ": type");
            if ((emode & 0170000) != 0120000) {
                assertEquals(Integer.toOctalString(emode & 07777), Integer.toOctalString(amode & 07777),
                        rel + ": permissions");
            }
            assertEquals(ea.get("lastModifiedTime"), aa.get("lastModifiedTime"), rel + ": mtime");
            assertEquals(ea.get("uid"), aa.get("uid"), rel + ": owner");
            assertEquals(ea.get("gid"), aa.get("gid"), rel + ": group");
            if (Files.isSymbolicLink(ep)) {
                assertEquals(Files.readSymbolicLink(ep), Files.readSymbolicLink(ap), rel + ": link target");
            } else if (Files.isRegularFile(ep, LinkOption.NOFOLLOW_LINKS)) {
                assertEquals(Files.size(ep), Files.size(ap), rel + ": size");
                assertArrayEquals(Files.readAllBytes(ep), Files.readAllBytes(ap), rel + ": content");
                if ((Integer) ea.get("nlink") > 1) {
                    String firstE = expectedInodes.putIfAbsent(ea.get("ino"), rel);
                    String firstA = actualInodes.putIfAbsent(aa.get("ino"), rel);
                    assertEquals(firstE, firstA, rel + ": hard link partner");
                }
            }
        }
    }

    /** Bytes actually allocated on disk for a file (st_blocks × 512), to see that a sparse file stayed sparse. */
    public static long allocated(Path p) throws IOException, InterruptedException {
        Process proc = new ProcessBuilder("stat", "-c", "%b %B", p.toString()).start();
        String[] out = new String(proc.getInputStream().readAllBytes()).strip().split(" ");
        assertTrue(proc.waitFor() == 0);
        return Long.parseLong(out[0]) * Long.parseLong(out[1]);
    }

    private static Map<String, Path> entries(Path root) throws IOException {
        Map<String, Path> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                out.put(root.relativize(p).toString(), p);
            }
        }
        return out;
    }

    public static List<String> names(Path root) throws IOException {
        return List.copyOf(entries(root).keySet());
    }
}
