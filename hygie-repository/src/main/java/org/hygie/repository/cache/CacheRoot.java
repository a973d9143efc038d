package org.hygie.repository.cache;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hygie.repository.id.Id;

/**
 * Where the local copies live: {@code HYGIE_CACHE_DIR}, else {@code $XDG_CACHE_HOME/hygie}, else {@code
 * ~/.cache/hygie}; one folder per repository id, those unused for 30 days removed ({@link #tidy}).
 */
public final class CacheRoot {
    private CacheRoot() {
    }

    public static Path standard(Map<String, String> env, String userHome) {
        String own = env.get("HYGIE_CACHE_DIR");
        if (own != null && !own.isBlank()) {
            return Path.of(own);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "hygie");
        }
        return Path.of(userHome, ".cache", "hygie");
    }

    /** The standard place for this process. */
    public static Path standard() {
        return standard(System.getenv(), System.getProperty("user.home"));
    }

    /** A repository's local folder not used for this long is removed by the next command that uses another. */
    public static final Duration UNUSED_FOR = Duration.ofDays(30);

    /**
     * Marks {@code id}'s folder as used now and removes the folders of the repositories not used for {@link
     * #UNUSED_FOR} (a medium given up, a practice no longer followed): only folders named by a repository id are
     * looked at, nothing else in {@code root}. What cannot be removed is said to {@code warn}; the command goes on.
     */
    public static void tidy(Path root, String id, Instant now, Consumer<String> warn) {
        Path mine = root.resolve(id);
        try {
            if (Files.isDirectory(mine)) {
                Files.setLastModifiedTime(mine, FileTime.from(now));
            }
        } catch (IOException e) {
            warn.accept("cannot mark " + mine + " as used: " + reason(mine, e));
        }
        if (!Files.isDirectory(root)) {
            return;
        }
        Instant limit = now.minus(UNUSED_FOR);
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root)) {
            for (Path f : folders) {
                String name = f.getFileName().toString();
                if (!name.equals(id) && Id.isValid(name) && Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(limit)) {
                    remove(f);
                }
            }
        } catch (IOException e) {
            warn.accept("cannot remove an unused folder of " + root + ": " + reason(root, e));
        }
    }

    private static void remove(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * What went wrong with {@code said}, a local file or folder the message already names: the JDK's file errors put
     * the path first and often no reason, their kind being in the class name ({@code FileAlreadyExistsException}
     * where a file stands in the way of a folder); the path is repeated only if it is another one.
     */
    static String reason(Path said, Exception e) {
        if (!(e instanceof FileSystemException f)) {
            return String.valueOf(e.getMessage());
        }
        String what = f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
        return f.getFile() == null || f.getFile().equals(said.toString()) ? what : what + ": " + f.getFile();
    }
}
