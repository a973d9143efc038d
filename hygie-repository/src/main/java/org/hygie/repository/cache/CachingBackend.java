package org.hygie.repository.cache;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.FileInfo;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.backend.FilterBackend;
import org.hygie.repository.id.Id;

/**
 * A backend that keeps a local copy of the index files and snapshots it reads or writes, in {@code dir} (one folder
 * per repository, named by its id). Loading one of those returns the copy when its content still hashes to its
 * name (files are named by the SHA-256 of their content, restic-format.md), else reads the store and refreshes the
 * copy. Listing passes through to the store and forgets the copies of files no longer there; deleting deletes the
 * copy too.
 *
 * <p>Packs that hold trees ({@link #copyPacksWhere}) are kept too, as restic keeps them: the first read of such a
 * pack brings the whole of it (tree packs are small), and later reads of its trees, this night or the next, are
 * served from the copy. A night walks the whole of the parent snapshot's trees, which lie in the packs of every
 * earlier night: over the internet each one was a round trip or more. A copy is checked against its name once per
 * run before it serves anything; the repository drops the copies of packs its index no longer lists ({@link
 * #tidyPacks}). Every other file, and every other operation, goes to the store untouched.
 *
 * <p>The cache is a convenience: a copy that cannot be written (disk full, no permission) is reported once through
 * {@code warn} and the cache is not used again in this run; the command goes on reading the store.
 */
public final class CachingBackend extends FilterBackend {
    private static final Set<FileType> CACHED = Set.of(FileType.INDEX, FileType.SNAPSHOT);
    private static final String TMP_PREFIX = ".tmp-";

    private final Path dir;
    private final Consumer<String> warn;
    private final AtomicBoolean usable = new AtomicBoolean(true);
    private volatile Predicate<String> copyPack = name -> false;
    /** Packs whose copy was written or found sound in this run. */
    private final Set<String> soundPacks = ConcurrentHashMap.newKeySet();
    /** One lock per pack being fetched, so that readers of one pack fetch it once. */
    private final ConcurrentHashMap<String, Object> fetching = new ConcurrentHashMap<>();

    public CachingBackend(Backend store, Path dir, Consumer<String> warn) {
        super(store);
        this.dir = dir;
        this.warn = warn;
    }

    /** The store behind the cache. */
    public Backend store() {
        return inner;
    }

    /** This repository's folder in the cache. */
    public Path dir() {
        return dir;
    }

    private Path copy(FileType type, String name) {
        return dir.resolve(type.folder()).resolve(name);
    }

    private static boolean cached(FileType type, String name) {
        return CACHED.contains(type) && name != null && Id.isValid(name);
    }

    /** Which packs to keep a copy of, by name: the repository says those that hold trees. */
    public void copyPacksWhere(Predicate<String> which) {
        this.copyPack = which;
    }

    private boolean packCopied(FileType type, String name) {
        return type == FileType.PACK && usable.get() && name != null && Id.isValid(name) && copyPack.test(name);
    }

    @Override
    public List<FileInfo> list(FileType type) throws IOException {
        List<FileInfo> files = inner.list(type);
        if (CACHED.contains(type) || type == FileType.PACK) {
            Set<String> names = new HashSet<>();
            for (FileInfo f : files) {
                names.add(f.name());
            }
            forgetAllBut(type, names::contains);
        }
        return files;
    }

    @Override
    public byte[] load(FileType type, String name) throws IOException {
        if (!cached(type, name) || !usable.get()) {
            return inner.load(type, name);
        }
        Path p = copy(type, name);
        byte[] local = readCopy(p);
        if (local != null && name.equals(hex(local))) {
            return local;
        }
        byte[] data = inner.load(type, name);
        if (name.equals(hex(data))) {
            keep(p, data, data.length);
        }
        return data;
    }

    @Override
    public byte[] load(FileType type, String name, long offset, int length) throws IOException {
        if (packCopied(type, name)) {
            byte[] part = fromPackCopy(name, offset, length);
            if (part != null) {
                return part;
            }
        }
        return inner.load(type, name, offset, length);
    }

    @Override
    public void loadInto(FileType type, String name, long offset, byte[] dst, int dstOffset, int length)
            throws IOException {
        if (packCopied(type, name)) {
            byte[] part = fromPackCopy(name, offset, length);
            if (part != null) {
                System.arraycopy(part, 0, dst, dstOffset, length);
                return;
            }
        }
        inner.loadInto(type, name, offset, dst, dstOffset, length);
    }

    /**
     * {@code length} bytes at {@code offset} of the pack's copy, fetched whole first if there is no sound copy;
     * null when the copy cannot serve them (the store's pack does not hash to its name, or is shorter): the caller
     * then reads the store as it would without a copy.
     */
    private byte[] fromPackCopy(String name, long offset, int length) throws IOException {
        Path p = copy(FileType.PACK, name);
        if (!soundPacks.contains(name)) {
            synchronized (fetching.computeIfAbsent(name, n -> new Object())) {
                if (!soundPacks.contains(name) && !fetchPack(name, p)) {
                    return null;
                }
            }
        }
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            ByteBuffer part = ByteBuffer.allocate(length);
            while (part.hasRemaining() && ch.read(part, offset + part.position()) > 0) {
                // read until the range is complete or the file ends
            }
            if (!part.hasRemaining()) {
                return part.array();
            }
        } catch (NoSuchFileException e) {
            // removed by another command using this folder: the store still has it
        } catch (IOException e) {
            giveUp("cannot read " + p + ": " + CacheRoot.reason(p, e));
        }
        soundPacks.remove(name);
        return null;
    }

    /** Makes a sound copy of the pack: the one there if it hashes to its name, else the store's. */
    private boolean fetchPack(String name, Path p) throws IOException {
        byte[] local = readCopy(p);
        if (local != null && name.equals(hex(local))) {
            soundPacks.add(name);
            return true;
        }
        byte[] whole = inner.load(FileType.PACK, name);
        if (!name.equals(hex(whole))) {
            return false; // damaged on the store: the reader meets the damage as it would without a copy
        }
        keep(p, whole, whole.length);
        if (usable.get()) {
            soundPacks.add(name);
        }
        return usable.get();
    }

    /**
     * Keeps a copy of a pack this process has just saved to the store (the writer calls it for packs of trees,
     * before it reuses the buffer): tomorrow's backup reads those trees from here.
     */
    public void keepPack(String name, byte[] data, int length) {
        if (!usable.get() || !Id.isValid(name)) {
            return;
        }
        keep(copy(FileType.PACK, name), data, length);
        if (usable.get()) {
            soundPacks.add(name);
        }
    }

    /**
     * Removes the copies of packs no longer to be copied: once the repository's index is loaded, those of packs it
     * does not list (pruned by this computer or another) or that hold no trees.
     */
    public void tidyPacks() {
        forgetAllBut(FileType.PACK, copyPack);
    }

    @Override
    public void save(FileType type, String name, byte[] data, int length) throws IOException {
        inner.save(type, name, data, length);
        if (cached(type, name) && usable.get()) {
            if (name.equals(Id.hash(data, 0, length).hex())) {
                keep(copy(type, name), data, length);
            }
        }
    }

    @Override
    public void delete(FileType type, String name) throws IOException {
        if (cached(type, name) || type == FileType.PACK && name != null && Id.isValid(name)) {
            soundPacks.remove(name);
            forget(copy(type, name));
        }
        inner.delete(type, name);
    }

    private byte[] readCopy(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            return null; // not cached yet
        } catch (IOException e) {
            giveUp("cannot read " + p + ": " + CacheRoot.reason(p, e));
            return null;
        }
    }

    /** Writes {@code data[0, length)} as the copy {@code p}, under a temporary name first. */
    private void keep(Path p, byte[] data, int length) {
        if (!usable.get()) {
            return;
        }
        Path tmp = null;
        try {
            prepare(p.getParent());
            tmp = Files.createTempFile(p.getParent(), TMP_PREFIX, "", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(data, 0, length);
            }
            try {
                Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException | UnsupportedOperationException e) {
            giveUp("cannot write " + p + ": " + CacheRoot.reason(p, e));
        } finally {
            if (tmp != null) {
                forget(tmp);
            }
        }
    }

    /** The repository's folder and its type folders, private to the user, with restic's CACHEDIR.TAG at the root. */
    void prepare(Path typeDir) throws IOException {
        if (Files.isDirectory(typeDir)) {
            return;
        }
        Path root = dir.getParent();
        if (root != null && !Files.isDirectory(root)) {
            Files.createDirectories(root, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            Files.write(root.resolve("CACHEDIR.TAG"), ("Signature: 8a477f597d28d172789f06886806bc55\n"
                    + "# This folder holds Hygie's local copies of repository files; backups skip it.\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        Files.createDirectories(typeDir, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
    }

    /**
     * Deletes the copies of {@code type} whose name {@code keep} refuses; a file being written is left alone unless
     * it is a day old (left by a process that was stopped).
     */
    private void forgetAllBut(FileType type, Predicate<String> keep) {
        Path folder = dir.resolve(type.folder());
        if (!usable.get() || !Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(folder)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if (name.startsWith(TMP_PREFIX) ? isOld(p) : !keep.test(name)) {
                    soundPacks.remove(name);
                    forget(p);
                }
            }
        } catch (IOException e) {
            giveUp("cannot list " + folder + ": " + CacheRoot.reason(folder, e));
        }
    }

    private static boolean isOld(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant().isBefore(Instant.now().minus(Duration.ofDays(1)));
        } catch (IOException e) {
            return false; // gone already
        }
    }

    private void forget(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            giveUp("cannot delete " + p + ": " + CacheRoot.reason(p, e));
        }
    }

    /** Whether the local folder can still be used in this run. */
    boolean usable() {
        return usable.get();
    }

    /** Stops using the local folder; the first caller's reason is said, once, even when readers fail together. */
    void giveUp(String why) {
        if (usable.compareAndSet(true, false)) {
            warn.accept(why);
        }
    }

    private static String hex(byte[] data) {
        return Id.hash(data).hex();
    }
}
