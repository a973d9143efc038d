package org.hygie.repository.cache;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.hygie.repository.backend.Backend;

/**
 * Whether packs may lie in a far repository's {@code data/} without an index file, told without listing it.
 *
 * <p>Such packs are left by a writer that stopped between a pack's upload and the index file naming it (a crash, a
 * lost connection); finding them means listing every pack, which costs little on a disk and seconds on a server
 * across the internet. So each writer on this computer leaves a mark in the repository's local folder while it
 * works ({@link #begin}) and removes it once all its packs are indexed ({@link Mark#done}); a mark left by a writer
 * that is gone (its process ended, or it failed in this one) means the listing is due. It is also due when no
 * listing was ever made from this computer (no {@code orphans-checked} stamp), and whenever the local folder cannot
 * be used. Packs left by another computer are not looked for: harmless, restic leaves them too, and a prune removes
 * them; the only cost is their blobs uploaded again.
 */
public final class WriteMarks {
    private static final String FOLDER = "writing";
    private static final String STAMP = "orphans-checked";
    /** The marks of the writers of this process that are at work now. */
    private static final Set<Path> ACTIVE = ConcurrentHashMap.newKeySet();

    private WriteMarks() {
    }

    /** A writer's mark; {@link #done} once every pack it stored is in an index file. */
    public static final class Mark {
        private static final Mark NONE = new Mark(null);
        private final Path file;

        private Mark(Path file) {
            this.file = file;
        }

        public void done() {
            if (file == null) {
                return;
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                return; // left in place, the mark only costs the next writer one listing of data/
            } finally {
                ACTIVE.remove(file);
            }
        }

        /** The writer stopped without indexing all it stored: the mark stays, for the next writer to list. */
        public void abandoned() {
            if (file != null) {
                ACTIVE.remove(file);
            }
        }
    }

    /** Marks a writer starting on {@code backend}; no mark where there is no usable local folder. */
    public static Mark begin(Backend backend) {
        if (!(backend instanceof CachingBackend c) || !c.usable()) {
            return Mark.NONE;
        }
        Path folder = c.dir().resolve(FOLDER);
        try {
            c.prepare(folder);
            // the process id, which tells a mark left by a process gone; a random part, apart from an old mark of
            // a process that had the same id
            Path file = folder.resolve(ProcessHandle.current().pid() + "-"
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()));
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            ACTIVE.add(file);
            return new Mark(file);
        } catch (IOException | UnsupportedOperationException e) {
            c.giveUp("cannot write " + folder + ": " + CacheRoot.reason(folder, e));
            return Mark.NONE;
        }
    }

    /** Whether {@code data/} may hold packs that no index file lists (see the class comment). */
    public static boolean orphansPossible(Backend backend) {
        if (!(backend instanceof CachingBackend c) || !c.usable() || !Files.exists(c.dir().resolve(STAMP))) {
            return true;
        }
        Path folder = c.dir().resolve(FOLDER);
        try (DirectoryStream<Path> marks = Files.newDirectoryStream(folder)) {
            for (Path m : marks) {
                if (leftBehind(m)) {
                    return true;
                }
            }
            return false;
        } catch (NoSuchFileException e) {
            return false; // no writer ever marked: the stamp says the last listing found everything indexed
        } catch (IOException e) {
            return true; // the marks cannot be read: list data/ rather than guess
        }
    }

    /**
     * A repository this computer has just created: its {@code data/} is empty, so the first writer need not list it
     * (on a store across the internet, 256 folders). Stamps the folder as {@link #orphansIndexed} does.
     */
    public static void createdHere(Backend backend) {
        orphansIndexed(backend);
    }

    /**
     * After a listing that indexed every pack it found: stamps the folder and removes the marks left behind (those
     * of writers still at work stay).
     */
    public static void orphansIndexed(Backend backend) {
        if (!(backend instanceof CachingBackend c) || !c.usable()) {
            return;
        }
        Path folder = c.dir().resolve(FOLDER);
        try {
            c.prepare(folder);
            try (DirectoryStream<Path> marks = Files.newDirectoryStream(folder)) {
                for (Path m : marks) {
                    if (leftBehind(m)) {
                        Files.deleteIfExists(m);
                    }
                }
            }
            Path stamp = c.dir().resolve(STAMP);
            if (!Files.exists(stamp)) {
                Files.createFile(stamp, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            }
        } catch (IOException | UnsupportedOperationException e) {
            c.giveUp("cannot write " + folder + ": " + CacheRoot.reason(folder, e));
        }
    }

    /** A mark of a process that has ended, or of a writer of this process that is no longer at work. */
    private static boolean leftBehind(Path mark) {
        String name = mark.getFileName().toString();
        int dash = name.indexOf('-');
        long pid;
        try {
            pid = Long.parseLong(dash < 0 ? name : name.substring(0, dash));
        } catch (NumberFormatException e) {
            return true; // not a mark this code wrote: look at data/ rather than trust it
        }
        if (pid == ProcessHandle.current().pid()) {
            return !ACTIVE.contains(mark);
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        return p.isEmpty() || !p.get().isAlive();
    }
}
