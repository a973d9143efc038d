package org.hygie.repository.write;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The arrays the writer copies chunks into when the caller reads them in place ({@link RepositoryWriter#saveCopy}),
 * reused once the blob is encoded: a backup reads its files in chunks of 512 KiB to 8 MiB, and a new array for each
 * one was most of what the collector had to copy and the kernel to clear. Chunk sizes vary, so arrays come in
 * powers of two from {@link #MIN_POOLED} to {@link #MAX_POOLED} (at most twice the bytes they hold, and the
 * writer's budget counts those); smaller and larger blobs get an array of their exact size, left to the collector.
 * As many bytes are kept spare as the writer lets be in flight (its budget), so a backup in its stride allocates
 * none. Thread-safe.
 */
final class PlainBuffers {
    static final int MIN_POOLED = 256 << 10;
    static final int MAX_POOLED = 8 << 20;
    private static final int MIN_SHIFT = Integer.numberOfTrailingZeros(MIN_POOLED);
    private static final int CLASSES = Integer.numberOfTrailingZeros(MAX_POOLED) - MIN_SHIFT + 1;

    private final ArrayDeque<byte[]>[] spare;
    private final long keepBytes;
    private long spareBytes;

    /** Keeps at most {@code keepBytes} in spare arrays. */
    @SuppressWarnings("unchecked")
    PlainBuffers(long keepBytes) {
        this.keepBytes = keepBytes;
        spare = new ArrayDeque[CLASSES];
        for (int i = 0; i < CLASSES; i++) {
            spare[i] = new ArrayDeque<>();
        }
    }

    /** A writer-owned copy of {@code src[offset, offset+length)}: its first {@code length} bytes; it may be longer. */
    byte[] copyOf(byte[] src, int offset, int length) {
        int c = sizeClass(length);
        if (c < 0) {
            return Arrays.copyOfRange(src, offset, offset + length);
        }
        byte[] b;
        synchronized (this) {
            b = spare[c].poll();
            if (b != null) {
                spareBytes -= b.length;
            }
        }
        if (b == null) {
            b = new byte[MIN_POOLED << c];
        }
        System.arraycopy(src, offset, b, 0, length);
        return b;
    }

    /** Takes back an array {@link #copyOf} gave, once nothing reads it any more. */
    void give(byte[] b) {
        int c = sizeClass(b.length);
        if (c < 0 || b.length != MIN_POOLED << c) {
            return; // an array of a blob's exact size, not one of this pool's
        }
        synchronized (this) {
            if (spareBytes + b.length <= keepBytes) {
                spare[c].push(b);
                spareBytes += b.length;
            }
        }
    }

    synchronized long spareBytes() {
        return spareBytes;
    }

    /** The class of arrays for {@code length} bytes, or -1 when they are not pooled. */
    static int sizeClass(int length) {
        if (length < MIN_POOLED || length > MAX_POOLED) {
            return -1;
        }
        int shift = 32 - Integer.numberOfLeadingZeros(length - 1); // ceil(log2(length))
        return Math.max(0, shift - MIN_SHIFT);
    }
}
