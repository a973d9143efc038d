package org.hygie.repository.write;

/**
 * How blobs are compressed in a version 2 repository (restic-format.md §7.3). Version 1 repositories never
 * compress. Whatever the mode, a blob that zstd does not make smaller is stored as it is (a v2 reader accepts
 * both), and an empty blob is never marked compressed.
 */
public enum Compression {
    /** zstd level 3, restic's {@code --compression auto}. */
    AUTO(3),
    /**
     * Data blobs stored as they are. Tree blobs are still compressed, as restic 0.14 does with
     * {@code --compression off}: {@code prune} would otherwise rewrite every pack of uncompressed trees.
     */
    OFF(0),
    /** zstd level 11, close to restic's {@code max} (klauspost "best"); its window stays ≤ 8 MiB. */
    MAX(11);

    private final int level;

    Compression(int level) {
        this.level = level;
    }

    /** The zstd level; 0 for {@link #OFF}. */
    public int level() {
        return level;
    }
}
