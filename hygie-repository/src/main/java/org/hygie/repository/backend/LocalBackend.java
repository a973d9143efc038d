package org.hygie.repository.backend;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.hygie.repository.id.Id;

/**
 * A repository in a local folder (external disk, USB key, mounted NAS share), in restic's default layout.
 * Writes as restic 0.14 does: a temporary file beside the target, fsync, rename, fsync of the folder,
 * then read-only. Folders 0700, files 0400.
 */
public final class LocalBackend implements Backend {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> WRITING_MODE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("r--------");

    /** Reads and writes go through the JDK's per-thread temporary direct buffer in slices of this size. */
    private static final int READ_SLICE = 256 * 1024;

    private final Path root;
    private final boolean posix;

    public LocalBackend(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    public Path root() {
        return root;
    }

    @Override
    public String location() {
        return root.toString();
    }

    @Override
    public void create() throws IOException {
        if (Files.exists(path(FileType.CONFIG, null), LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(path(FileType.CONFIG, null).toString(), null,
                    "a repository already exists here");
        }
        mkdirs(root);
        for (FileType t : FileType.values()) {
            if (t != FileType.CONFIG) {
                mkdirs(root.resolve(t.folder()));
            }
        }
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < 256; i++) {
            mkdirs(root.resolve("data").resolve(hex.toHexDigits((byte) i)));
        }
    }

    @Override
    public boolean exists(FileType type, String name) {
        return Files.exists(path(type, name), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public List<FileInfo> list(FileType type) throws IOException {
        List<FileInfo> out = new ArrayList<>();
        if (type == FileType.CONFIG) {
            Path p = path(type, null);
            if (Files.exists(p)) {
                out.add(new FileInfo("config", Files.size(p)));
            }
            return out;
        }
        Path dir = root.resolve(type.folder());
        if (!Files.isDirectory(dir)) {
            return out;
        }
        if (type == FileType.PACK) {
            try (DirectoryStream<Path> subs = Files.newDirectoryStream(dir)) {
                for (Path sub : subs) {
                    if (Files.isDirectory(sub, LinkOption.NOFOLLOW_LINKS)) {
                        listInto(sub, out);
                    }
                }
            }
        } else {
            listInto(dir, out);
        }
        return out;
    }

    private static void listInto(Path dir, List<FileInfo> out) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (Id.isValid(name) && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(new FileInfo(name, Files.size(f)));
                }
            }
        }
    }

    @Override
    public byte[] load(FileType type, String name) throws IOException {
        Path p = path(type, name);
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE - 8) {
                throw new IOException(p + ": too large to load (" + size + " bytes)");
            }
            byte[] out = new byte[(int) size];
            int n = read(ch, out, 0, out.length, 0);
            if (n < out.length) {
                return java.util.Arrays.copyOf(out, n); // shrank while being read
            }
            return out;
        }
    }

    @Override
    public byte[] load(FileType type, String name, long offset, int length) throws IOException {
        byte[] out = new byte[length];
        loadInto(type, name, offset, out, 0, length);
        return out;
    }

    @Override
    public void loadInto(FileType type, String name, long offset, byte[] dst, int dstOffset, int length)
            throws IOException {
        java.util.Objects.checkFromIndexSize(dstOffset, length, dst.length);
        try (FileChannel ch = FileChannel.open(path(type, name), StandardOpenOption.READ)) {
            if (read(ch, dst, dstOffset, length, offset) < length) {
                throw new EOFException(type.folder() + "/" + name + ": " + length + " bytes at " + offset
                        + " asked, the file is shorter");
            }
        }
    }

    /**
     * Reads up to {@code len} bytes at {@code pos} into {@code dst[off..]}; returns how many (fewer at end of file).
     * In slices: the JDK copies a read through a per-thread temporary direct buffer as large as the request, and
     * keeps it; slices keep that buffer small (and its copy in the CPU cache) instead of pack-sized.
     */
    private static int read(FileChannel ch, byte[] dst, int off, int len, long pos) throws IOException {
        int done = 0;
        while (done < len) {
            int n = ch.read(ByteBuffer.wrap(dst, off + done, Math.min(READ_SLICE, len - done)), pos + done);
            if (n < 0) {
                break;
            }
            done += n;
        }
        return done;
    }

    @Override
    public long size(FileType type, String name) throws IOException {
        return Files.size(path(type, name));
    }

    @Override
    public void save(FileType type, String name, byte[] data, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(0, length, data.length);
        Path target = path(type, name);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Path dir = target.getParent();
        if (!Files.isDirectory(dir)) {
            mkdirs(dir);
        }
        byte[] rnd = new byte[6];
        RANDOM.nextBytes(rnd);
        Path tmp = dir.resolve(target.getFileName() + "-tmp-" + HexFormat.of().formatHex(rnd));
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                if (posix) {
                    Files.setPosixFilePermissions(tmp, WRITING_MODE);
                }
                // in slices, for the same reason as reads: the JDK's temporary direct buffer stays small
                for (int done = 0; done < length;) {
                    done += ch.write(ByteBuffer.wrap(data, done, Math.min(READ_SLICE, length - done)));
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        syncDirectory(dir);
        if (posix) {
            Files.setPosixFilePermissions(target, FILE_MODE);
        }
    }

    @Override
    public void delete(FileType type, String name) throws IOException {
        // restic leaves files read-only; deleting needs only the folder's write bit.
        Files.deleteIfExists(path(type, name));
    }

    private Path path(FileType type, String name) {
        return switch (type) {
            case CONFIG -> root.resolve("config");
            case PACK -> {
                checkName(name);
                yield root.resolve("data").resolve(name.substring(0, 2)).resolve(name);
            }
            default -> {
                checkName(name);
                yield root.resolve(type.folder()).resolve(name);
            }
        };
    }

    private static void checkName(String name) {
        if (!Id.isValid(name)) {
            throw new IllegalArgumentException("not a repository file name: " + name);
        }
    }

    private void mkdirs(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir);
        if (posix) {
            Files.setPosixFilePermissions(dir, DIR_MODE);
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some file systems (and Windows) cannot open or sync a folder; the rename itself is durable there.
            return;
        }
    }
}
