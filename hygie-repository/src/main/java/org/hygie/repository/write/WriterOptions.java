package org.hygie.repository.write;

import java.time.Duration;

/**
 * Settings of a {@link RepositoryWriter}. Start from {@link #defaults()} and change what you need with the
 * {@code with…} methods; every value is checked when the options are built.
 *
 * @param packSize         target size of a pack's blob bytes; a pack is finished as soon as it reaches it, so it
 *                         overshoots by at most one blob (restic's rule). 4–128 MiB, default 16 MiB.
 * @param compression      see {@link Compression}; ignored (nothing compressed) in version 1 repositories
 * @param threads          worker threads that compress, encrypt and verify blobs; default: the number of cores
 * @param uploadThreads    threads that finish packs (header, SHA-256) and upload them; default 2
 * @param maxBytesInFlight bound on the bytes held between {@code save} and the end of the upload (queued
 *                         plaintext, open packs, packs being uploaded); {@code save} blocks beyond it. 0 means
 *                         4 × {@code packSize}; otherwise at least 3 × {@code packSize}. Each worker also holds
 *                         about three times the blob it is encoding, and each upload thread one assembled pack.
 * @param verify           decrypt (MAC included), decompress and hash every blob again before it goes into a pack,
 *                         as restic 0.16+ does. Off by default: measured on mixed data it costs about 2 CPU-seconds
 *                         per GiB on top of 3.8 (+55 % CPU), far above the 15 % that would make it the default;
 *                         see {@code WriterBenchmark}
 * @param indexEveryPacks  write an index file once this many stored packs are not yet listed in one
 * @param indexInterval    … or once the oldest such pack has waited this long
 */
public record WriterOptions(int packSize, Compression compression, int threads, int uploadThreads,
        long maxBytesInFlight, boolean verify, int indexEveryPacks, Duration indexInterval) {

    public static final int MIB = 1024 * 1024;
    public static final int MIN_PACK_SIZE = 4 * MIB;
    public static final int MAX_PACK_SIZE = 128 * MIB;
    public static final int DEFAULT_PACK_SIZE = 16 * MIB;

    public WriterOptions {
        if (packSize < MIN_PACK_SIZE || packSize > MAX_PACK_SIZE) {
            throw new IllegalArgumentException("pack size must be 4–128 MiB, not " + packSize + " bytes");
        }
        if (compression == null) {
            throw new IllegalArgumentException("compression must be given");
        }
        if (threads < 1 || uploadThreads < 1) {
            throw new IllegalArgumentException("at least one worker and one upload thread are needed");
        }
        if (maxBytesInFlight != 0 && maxBytesInFlight < 3L * packSize) {
            throw new IllegalArgumentException("max bytes in flight must be at least 3 × the pack size ("
                    + 3L * packSize + "), not " + maxBytesInFlight);
        }
        if (indexEveryPacks < 1) {
            throw new IllegalArgumentException("indexEveryPacks must be at least 1");
        }
        if (indexInterval == null || indexInterval.isNegative() || indexInterval.isZero()) {
            throw new IllegalArgumentException("indexInterval must be positive");
        }
    }

    /**
     * 16 MiB packs, zstd level 3, one worker per core, 2 upload threads, 4 packs in flight, no verification,
     * an index file every 8 packs or 30 s.
     */
    public static WriterOptions defaults() {
        return new WriterOptions(DEFAULT_PACK_SIZE, Compression.AUTO, Runtime.getRuntime().availableProcessors(), 2,
                0, false, 8, Duration.ofSeconds(30));
    }

    /** The bound {@code save} enforces, with the default resolved. */
    public long effectiveMaxBytesInFlight() {
        return maxBytesInFlight == 0 ? 4L * packSize : maxBytesInFlight;
    }

    public WriterOptions withPackSizeMiB(int mib) {
        if (mib < 4 || mib > 128) {
            throw new IllegalArgumentException("pack size must be 4–128 MiB, not " + mib);
        }
        return withPackSize(mib * MIB);
    }

    public WriterOptions withPackSize(int bytes) {
        return new WriterOptions(bytes, compression, threads, uploadThreads, maxBytesInFlight, verify,
                indexEveryPacks, indexInterval);
    }

    public WriterOptions withCompression(Compression c) {
        return new WriterOptions(packSize, c, threads, uploadThreads, maxBytesInFlight, verify, indexEveryPacks,
                indexInterval);
    }

    public WriterOptions withThreads(int n) {
        return new WriterOptions(packSize, compression, n, uploadThreads, maxBytesInFlight, verify, indexEveryPacks,
                indexInterval);
    }

    public WriterOptions withUploadThreads(int n) {
        return new WriterOptions(packSize, compression, threads, n, maxBytesInFlight, verify, indexEveryPacks,
                indexInterval);
    }

    public WriterOptions withMaxBytesInFlight(long bytes) {
        return new WriterOptions(packSize, compression, threads, uploadThreads, bytes, verify, indexEveryPacks,
                indexInterval);
    }

    public WriterOptions withVerify(boolean v) {
        return new WriterOptions(packSize, compression, threads, uploadThreads, maxBytesInFlight, v, indexEveryPacks,
                indexInterval);
    }

    public WriterOptions withIndexEvery(int packs, Duration interval) {
        return new WriterOptions(packSize, compression, threads, uploadThreads, maxBytesInFlight, verify, packs,
                interval);
    }
}
