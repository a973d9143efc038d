package org.hygie.backup.archiver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
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

    /** Whether the path (components from the root) matches an exclude pattern. */
    boolean excluded(List<String> components) {
        return !patterns.all() && patterns.matches(components);
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
