package org.hygie.repository.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
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
 * copy too. Every other file type, and every other operation, goes to the store untouched.
 *
 * <p>The cache is a convenience: a copy that cannot be written (disk full, no permission) is reported once through
 * {@code warn} and the cache is not used again in this run; the command goes on reading the store.
 */
public final class CachingBackend extends FilterBackend {
    private static final Set<FileType> CACHED = Set.of(FileType.INDEX, FileType.SNAPSHOT);

    private final Path dir;
    private final Consumer<String> warn;
    private final AtomicBoolean usable = new AtomicBoolean(true);

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

    @Override
    public List<FileInfo> list(FileType type) throws IOException {
        List<FileInfo> files = inner.list(type);
        if (CACHED.contains(type) && usable.get()) {
            forgetAllBut(type, files);
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
            keep(p, data);
        }
        return data;
    }

    @Override
    public void save(FileType type, String name, byte[] data, int length) throws IOException {
        inner.save(type, name, data, length);
        if (cached(type, name) && usable.get()) {
            byte[] file = length == data.length ? data : java.util.Arrays.copyOf(data, length);
            if (name.equals(hex(file))) {
                keep(copy(type, name), file);
            }
        }
    }

    @Override
    public void delete(FileType type, String name) throws IOException {
        if (cached(type, name)) {
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

    private void keep(Path p, byte[] data) {
        if (!usable.get()) {
            return;
        }
        Path tmp = null;
        try {
            prepare(p.getParent());
            tmp = Files.createTempFile(p.getParent(), ".tmp-", "", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            Files.write(tmp, data, StandardOpenOption.TRUNCATE_EXISTING);
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

    private void forgetAllBut(FileType type, List<FileInfo> present) {
        Path folder = dir.resolve(type.folder());
        if (!Files.isDirectory(folder)) {
            return;
        }
        Set<String> names = new HashSet<>();
        for (FileInfo f : present) {
            names.add(f.name());
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(folder)) {
            for (Path p : s) {
                if (!names.contains(p.getFileName().toString())) {
                    forget(p);
                }
            }
        } catch (IOException e) {
            giveUp("cannot list " + folder + ": " + CacheRoot.reason(folder, e));
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
