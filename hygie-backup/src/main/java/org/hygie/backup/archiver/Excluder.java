package org.hygie.backup.archiver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hygie.backup.filter.PathPatterns;

/** Decides what a backup leaves out: exclude patterns, cache folders (CACHEDIR.TAG), other file systems. */
final class Excluder {
    static final String CACHEDIR_SIGNATURE = "Signature: 8a477f597d28d172789f06886806bc55";

    private final PathPatterns patterns;
    private final boolean caches;

    Excluder(List<String> excludes, boolean excludeCaches) {
        this.patterns = new PathPatterns(excludes);
        this.caches = excludeCaches;
    }

    /**
     * Whether the path matches an exclude pattern. Without patterns (the usual night) the path is not even split
     * into its names: this runs for every file, twice (the scan that counts, then the backup).
     */
    boolean excluded(Path path) {
        return !patterns.all() && patterns.matches(components(path));
    }

    /** The names of an absolute path, from the root. */
    static List<String> components(Path p) {
        List<String> out = new ArrayList<>(p.getNameCount());
        for (Path c : p) {
            out.add(c.toString());
        }
        return out;
    }

    /** Whether a folder is a cache by the Cache Directory Tagging convention (restic's --exclude-caches). */
    boolean isCache(Path dir) {
        if (!caches) {
            return false;
        }
        Path tag = dir.resolve("CACHEDIR.TAG");
        if (!Files.isRegularFile(tag, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (var in = Files.newInputStream(tag, LinkOption.NOFOLLOW_LINKS)) {
            byte[] head = in.readNBytes(CACHEDIR_SIGNATURE.length());
            return new String(head, StandardCharsets.US_ASCII).equals(CACHEDIR_SIGNATURE);
        } catch (IOException e) {
            return false;
        }
    }
}
