package org.hygie.repository.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.pack.BlobType;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A blob is stored once: whoever saves it, from how many threads, in this writer or an earlier one. */
class DeduplicationTest {
    @TempDir
    Path tmp;

    @RepeatedTest(5)
    void theSameIdFromManyThreadsAtOnceIsAcceptedOnce() throws Exception {
        try (Repository repo = TestRepos.init(tmp.resolve("repo"), 2)) {
            RepositoryWriter w = new RepositoryWriter(repo, TestRepos.small());
            int threads = 8;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            for (int round = 0; round < 20; round++) {
                TestBlobs.Blob b = TestBlobs.Blob.of(round % 2 == 0 ? BlobType.DATA : BlobType.TREE,
                        TestBlobs.text(round, 1000 + round));
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return w.save(b.type(), b.id(), b.plain());
                    }));
                }
                int accepted = 0;
                for (Future<Boolean> f : results) {
                    accepted += f.get() ? 1 : 0;
                }
                assertEquals(1, accepted, "round " + round);
                if (round % 5 == 0) {
                    w.flush(); // later rounds find the earlier blobs in the repository index, not in flight
                }
            }
            pool.shutdown();
            w.close();
            assertEquals(20, w.stats().newBlobs());
            assertEquals(20 * (threads - 1), w.stats().duplicateBlobs());
            assertEquals(20, repo.index().size());
        }
    }

    @Test
    void aDataBlobAndATreeBlobWithTheSameIdAreTwoBlobs() throws Exception {
        byte[] plain = TestBlobs.text(1, 500);
        TestBlobs.Blob data = TestBlobs.Blob.of(BlobType.DATA, plain);
        try (Repository repo = TestRepos.init(tmp.resolve("repo"), 2);
                RepositoryWriter w = new RepositoryWriter(repo, TestRepos.small())) {
            assertEquals(true, w.save(BlobType.DATA, data.id(), plain));
            assertEquals(true, w.save(BlobType.TREE, data.id(), plain));
            assertEquals(false, w.save(BlobType.TREE, data.id(), plain));
        }
    }

    @Test
    void aLaterWriterStoresNothingTheRepositoryHas() throws Exception {
        Path dir = tmp.resolve("repo");
        List<TestBlobs.Blob> blobs = RoundTripTest.blobSet(3, 40);
        try (Repository repo = TestRepos.init(dir, 2);
                RepositoryWriter w = new RepositoryWriter(repo, TestRepos.small())) {
            blobs.forEach(b -> w.save(b.type(), b.id(), b.plain()));
        }
        try (Repository repo = TestRepos.open(dir)) {
            int packs = repo.list(FileType.PACK).size();
            int indexes = repo.list(FileType.INDEX).size();
            RepositoryWriter w = new RepositoryWriter(repo, TestRepos.small());
            for (TestBlobs.Blob b : blobs) {
                assertFalse(w.save(b.type(), b.id(), b.plain()));
            }
            w.close();
            assertEquals(0, w.stats().newBlobs());
            assertEquals(blobs.size(), w.stats().duplicateBlobs());
            assertEquals(packs, repo.list(FileType.PACK).size());
            assertEquals(indexes, repo.list(FileType.INDEX).size(), "an empty flush writes no index file");
        }
    }
}
