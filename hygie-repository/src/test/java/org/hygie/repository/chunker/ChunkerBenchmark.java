package org.hygie.repository.chunker;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;

/**
 * Throughput of {@link Chunker} on random data held in memory (no disk, no SHA-256): a main-method
 * micro-benchmark, not a test. Run after {@code mvn -pl hygie-repository test-compile} with
 * {@code java -cp hygie-repository/target/classes:hygie-repository/target/test-classes
 * org.hygie.repository.chunker.ChunkerBenchmark [MiB] [rounds]}.
 */
public final class ChunkerBenchmark {
    private ChunkerBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        byte[] data = TestData.random(42, mib * 1024 * 1024);
        Chunker chunker = new Chunker(TestData.RESTIC_TEST_POLYNOMIAL);
        double best = 0;
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            chunker.reset(new ByteArrayInputStream(data));
            long chunks = 0;
            long bytes = 0;
            for (Chunk c = chunker.next(); c != null; c = chunker.next()) {
                chunks++;
                bytes += c.length();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double mbPerSecond = bytes / seconds / 1e6;
            best = Math.max(best, mbPerSecond);
            System.out.printf(Locale.ROOT, "round %2d: %d chunks, %.0f MB/s%n", round, chunks, mbPerSecond);
        }
        System.out.printf(Locale.ROOT, "best: %.0f MB/s (%d MiB of random data)%n", best, mib);
    }
}
