package org.hygie.repository.write;

/**
 * What a {@link RepositoryWriter} did so far. "New" blobs are those {@code save} accepted (stored once their pack
 * is uploaded); "duplicate" blobs were already in the repository or in this writer. Byte counts are plaintext
 * lengths, except {@code storedBytes} (blob bytes in packs: after compression, with the 32-byte crypto overhead)
 * and {@code packBytes} (whole pack files, headers included). {@code peakBytesInFlight} is the most bytes the
 * back-pressure budget ever held at once.
 */
public record WriterStats(long newBlobs, long newBytes, long duplicateBlobs, long duplicateBytes, long storedBytes,
        long compressedBlobs, long packs, long packBytes, long indexFiles, long peakBytesInFlight, Timings timings) {

    /**
     * Time spent in each step, summed over all threads, in nanoseconds: zstd; AES-CTR plus Poly1305 of blobs; the verification
     * (decrypt, decompress, SHA-256); finishing packs (header, assembly, SHA-256 of the file); the backend's
     * {@code save} of packs; writing index files.
     */
    public record Timings(long compressNanos, long encryptNanos, long verifyNanos, long packNanos, long uploadNanos,
            long indexNanos) {
    }
}
