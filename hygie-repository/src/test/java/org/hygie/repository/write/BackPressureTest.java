package org.hygie.repository.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.LocalBackend;
import org.hygie.repository.pack.BlobType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a slow backend, save blocks instead of letting the bytes in flight grow without bound. */
class BackPressureTest {
    private static final int MIB = 1024 * 1024;

    @TempDir
    Path tmp;

    @Test
    void bytesInFlightStayUnderTheLimitWhenUploadsAreSlow() throws Exception {
        FaultyBackend backend = new FaultyBackend(new LocalBackend(tmp.resolve("repo"))).slow(150);
        long limit = 12L * MIB;
        try (Repository repo = TestRepos.init(backend, 2)) {
            RepositoryWriter w = new RepositoryWriter(repo, TestRepos.small().withMaxBytesInFlight(limit));
            ExecutorService producers = Executors.newFixedThreadPool(3);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int me = t;
                done.add(producers.submit(() -> {
                    for (int i = 0; i < 16; i++) {
                        // 1 B … 9 MiB: the 9 MiB blobs exceed what the budget lets a single blob charge
                        int size = i == 7 ? 9 * MIB : 1 + (i * 389_000) % (2 * MIB);
                        TestBlobs.Blob b = TestBlobs.Blob.of(i % 4 == 0 ? BlobType.TREE : BlobType.DATA,
                                TestBlobs.random(me * 100L + i, size));
                        w.save(b.type(), b.id(), b.plain());
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            producers.shutdown();
            w.close();
            WriterStats s = w.stats();
            assertEquals(48, s.newBlobs());
            assertTrue(s.peakBytesInFlight() <= limit, "peak " + s.peakBytesInFlight());
            assertTrue(s.peakBytesInFlight() >= limit / 2, "the budget was used: " + s.peakBytesInFlight());
            assertTrue(s.packs() >= 8, "packs " + s.packs());
        }
    }
}
