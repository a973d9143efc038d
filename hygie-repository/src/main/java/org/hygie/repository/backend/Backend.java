package org.hygie.repository.backend;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Raw storage of a repository's files. Contract, for every implementation:
 * <ul>
 *   <li>{@link #save} is atomic and never overwrites: no partial file is ever visible under its final name,
 *       and saving a name that exists fails with {@link java.nio.file.FileAlreadyExistsException};</li>
 *   <li>a missing file gives {@link java.nio.file.NoSuchFileException};</li>
 *   <li>{@link #list} skips names that are not ids (temporary files), except for {@code CONFIG};</li>
 *   <li>{@link #delete} of a missing file succeeds.</li>
 * </ul>
 * The {@code name} of {@link FileType#CONFIG} is ignored.
 */
public interface Backend extends Closeable {

    /** Where the repository is, as the user wrote it. */
    String location();

    /** Makes the folders of a new repository; fails if a {@code config} is already there. */
    void create() throws IOException;

    boolean exists(FileType type, String name) throws IOException;

    List<FileInfo> list(FileType type) throws IOException;

    byte[] load(FileType type, String name) throws IOException;

    /** Reads {@code length} bytes at {@code offset}; fewer bytes on disk is an {@link java.io.EOFException}. */
    byte[] load(FileType type, String name, long offset, int length) throws IOException;

    /**
     * Reads {@code length} bytes at {@code offset} into {@code dst[dstOffset..]}, as {@link #load(FileType, String,
     * long, int)} does, for readers that reuse one buffer (restore, check). Backends that can read straight into the
     * buffer override this; the default copies.
     */
    default void loadInto(FileType type, String name, long offset, byte[] dst, int dstOffset, int length)
            throws IOException {
        System.arraycopy(load(type, name, offset, length), 0, dst, dstOffset, length);
    }

    long size(FileType type, String name) throws IOException;

    /**
     * Saves {@code data[0, length)} as the file (the start of a buffer the writer reuses, for packs); the array is not
     * kept after this returns. A {@code length} beyond the array is an {@link IndexOutOfBoundsException}, and nothing
     * is stored.
     */
    void save(FileType type, String name, byte[] data, int length) throws IOException;

    /** Saves the whole of {@code data} as the file. */
    default void save(FileType type, String name, byte[] data) throws IOException {
        save(type, name, data, data.length);
    }

    void delete(FileType type, String name) throws IOException;

    /**
     * Whether this storage lets files other than locks be deleted. An append-only server (rest-server
     * {@code --append-only}) does not: backups still work there, forget and prune must not start. Backends that
     * cannot know in advance probe harmlessly (deleting a file that does not exist).
     */
    default boolean deletionAllowed() throws IOException {
        return true;
    }

    /**
     * Whether every request crosses a network (SFTP, REST, S3): the time of a read is then mostly waiting, and readers
     * keep more requests in flight than there are cores ({@link ReadParallelism}).
     */
    default boolean overNetwork() {
        return false;
    }

    @Override
    default void close() throws IOException {
    }
}
