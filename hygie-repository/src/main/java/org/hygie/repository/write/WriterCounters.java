package org.hygie.repository.write;

import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link WriterStats}; updated from every thread without locking. */
final class WriterCounters {
    final LongAdder newBlobs = new LongAdder();
    final LongAdder newBytes = new LongAdder();
    final LongAdder duplicateBlobs = new LongAdder();
    final LongAdder duplicateBytes = new LongAdder();
    final LongAdder storedBytes = new LongAdder();
    final LongAdder compressedBlobs = new LongAdder();
    final LongAdder packs = new LongAdder();
    final LongAdder packBytes = new LongAdder();
    final LongAdder indexFiles = new LongAdder();
    final LongAdder compressNanos = new LongAdder();
    final LongAdder encryptNanos = new LongAdder();
    final LongAdder verifyNanos = new LongAdder();
    final LongAdder packNanos = new LongAdder();
    final LongAdder uploadNanos = new LongAdder();
    final LongAdder indexNanos = new LongAdder();

    WriterStats snapshot(long peakBytesInFlight) {
        return new WriterStats(newBlobs.sum(), newBytes.sum(), duplicateBlobs.sum(), duplicateBytes.sum(),
                storedBytes.sum(), compressedBlobs.sum(), packs.sum(), packBytes.sum(), indexFiles.sum(), peakBytesInFlight,
                new WriterStats.Timings(compressNanos.sum(), encryptNanos.sum(), verifyNanos.sum(), packNanos.sum(),
                        uploadNanos.sum(), indexNanos.sum()));
    }
}
