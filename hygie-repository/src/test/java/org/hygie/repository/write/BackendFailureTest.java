package org.hygie.repository.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.LocalBackend;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.pack.BlobType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backend that fails (a full disk): every caller hears of it promptly, as Problem.IO; no thread is left behind. */
class BackendFailureTest {
    private static final int MIB = 1024 * 1024;

    @TempDir
    Path tmp;

    private static long writerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("hygie-writer") && t.isAlive()).count();
    }

    private static void assertDiskFull(RepositoryException e) {
        assertEquals(Problem.IO, e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains(FaultyBackend.DISK_FULL), e.getMessage());
    }

    @Test
    void diskFullReachesEverySaverAndFlushPromptly() throws Exception {
        long threadsBefore = writerThreads();
        FaultyBackend backend = new FaultyBackend(new LocalBackend(tmp.resolve("repo")));
        try (Repository repo = TestRepos.init(backend, 2)) {
            backend.failAfterPacks(2);
            RepositoryWriter w = new RepositoryWriter(repo, TestRepos.small().withMaxBytesInFlight(12L * MIB));
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                ExecutorService producers = Executors.newFixedThreadPool(3);
                List<Future<RepositoryException>> results = new ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    int me = t;
                    results.add(producers.submit(() -> {
                        try {
                            for (int i = 0; i < 1000; i++) {
                                TestBlobs.Blob b = TestBlobs.Blob.of(BlobType.DATA,
                                        TestBlobs.random(me * 10_000L + i, MIB));
                                w.save(b.type(), b.id(), b.plain());
                            }
                            return null;
                        } catch (RepositoryException e) {
                            return e;
                        }
                    }));
                }
                for (Future<RepositoryException> f : results) {
                    RepositoryException e = f.get();
                    if (e == null) {
                        fail("1000 MiB were accepted by a writer whose disk was full");
                    }
                    assertDiskFull(e);
                }
                producers.shutdown();
                assertDiskFull(assertThrows(RepositoryException.class, w::flush));
                assertDiskFull(assertThrows(RepositoryException.class, w::close));
                TestBlobs.Blob late = TestBlobs.Blob.of(BlobType.DATA, TestBlobs.random(-1, 10));
                assertThrows(IllegalStateException.class, () -> w.save(late.type(), late.id(), late.plain()));
            });
        }
        assertEquals(2, backend.packsSaved());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (writerThreads() > threadsBefore && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(threadsBefore, writerThreads(), "the writer's threads end after close");
    }

    @Test
    void aSaveBlockedByBackPressureIsWokenByTheFailure() throws Exception {
        FaultyBackend backend = new FaultyBackend(new LocalBackend(tmp.resolve("repo")));
        try (Repository repo = TestRepos.init(backend, 2)) {
            backend.failAfterPacks(0).holdSaves();
            RepositoryWriter w = new RepositoryWriter(repo, TestRepos.small().withMaxBytesInFlight(12L * MIB));
            AtomicReference<Throwable> outcome = new AtomicReference<>();
            Thread producer = new Thread(() -> {
                try {
                    for (int i = 0; i < 100; i++) {
                        TestBlobs.Blob b = TestBlobs.Blob.of(BlobType.DATA, TestBlobs.random(i, MIB));
                        w.save(b.type(), b.id(), b.plain());
                    }
                } catch (Throwable t) {
                    outcome.set(t);
                }
            });
            producer.start();
            // The first pack's upload is held: the producer fills the budget, then waits in save.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (producer.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(Thread.State.TIMED_WAITING, producer.getState());
            assertTrue(w.stats().newBlobs() < 100);
            long released = System.nanoTime();
            backend.releaseSaves();
            producer.join(10_000);
            assertTrue(!producer.isAlive(), "the blocked save returned");
            assertTrue(System.nanoTime() - released < TimeUnit.SECONDS.toNanos(5));
            assertTrue(outcome.get() instanceof RepositoryException, String.valueOf(outcome.get()));
            assertDiskFull((RepositoryException) outcome.get());
            assertDiskFull(assertThrows(RepositoryException.class, w::close));
        }
    }

    @Test
    void verificationStopsAWriterGivenAWrongId() throws Exception {
        try (Repository repo = TestRepos.init(tmp.resolve("repo"), 2)) {
            RepositoryWriter w = new RepositoryWriter(repo, TestRepos.small().withVerify(true));
            byte[] plain = TestBlobs.text(1, 10_000);
            w.save(BlobType.DATA, org.hygie.repository.id.Id.hash(new byte[] {1}), plain);
            RepositoryException e = assertThrows(RepositoryException.class, w::close);
            assertEquals(Problem.CORRUPTED, e.problem(), e.getMessage());
            assertTrue(e.getMessage().contains("does not hash to its id"), e.getMessage());
            assertEquals(List.of(), TestRepos.packFiles(repo), "nothing stored");
        }
    }
}
