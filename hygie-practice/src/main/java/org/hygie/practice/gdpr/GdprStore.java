package org.hygie.practice.gdpr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where the practice's GDPR file lives: {@code gdpr.json} in the practice's state folder, beside the journal. It
 * is readable by its owner only (0600, in a 0700 folder when Hygie makes the folder), written whole into a
 * temporary file that is flushed to the disk and then renamed over the old one, so that a crash leaves the old
 * file or the new one, never half of one. A file that does not read back as a valid GDPR file is refused with its
 * problems ({@link GdprFileException}) and never written over.
 */
public final class GdprStore {
    public static final String FILE_NAME = "gdpr.json";
    private final Path file;

    public GdprStore(Path stateDir) {
        this.file = stateDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    public boolean exists() {
        return Files.exists(file);
    }

    /** The GDPR file; an empty one when it does not exist yet. */
    public GdprFile load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return GdprFile.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the GDPR file " + file + ": " + e.getMessage(), e);
        }
        return GdprJson.read(bytes, file);
    }

    /** Writes {@code f} whole, atomically, readable by the owner only. */
    public void save(GdprFile f) {
        byte[] bytes = GdprJson.write(f);
        Path dir = file.getParent();
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        try {
            if (!Files.isDirectory(dir)) {
                if (posix) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(dir);
                }
            }
            Files.deleteIfExists(tmp);
            if (posix) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            if (posix) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the GDPR file " + file + ": " + e.getMessage(), e);
        }
    }
}
