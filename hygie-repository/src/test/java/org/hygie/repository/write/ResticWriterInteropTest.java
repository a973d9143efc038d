package org.hygie.repository.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hygie.repository.Repository;
import org.hygie.repository.pack.BlobType;
import org.hygie.repository.testing.Restic;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the writer stores, the real restic 0.14 reads: {@code check --read-data} passes (it rehashes packs, decrypts,
 * decompresses and hashes every blob, and compares each header with the index) and {@code cat blob} gives the
 * exact bytes. A missing restic fails these tests ({@link Restic#binary}).
 */
class ResticWriterInteropTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "v{0}, compression {1}")
    @CsvSource({"2, AUTO", "2, MAX", "2, OFF", "1, OFF"})
    void resticChecksAndReadsWhatTheWriterStored(int version, Compression compression) throws Exception {
        Path dir = tmp.resolve("repo");
        List<TestBlobs.Blob> blobs = new ArrayList<>(RoundTripTest.blobSet(version * 100L + compression.ordinal(),
                compression == Compression.MAX ? 25 : 60));
        blobs.add(TestBlobs.Blob.of(BlobType.DATA, new byte[0]));
        try (Repository repo = TestRepos.init(dir, version); RepositoryWriter w = new RepositoryWriter(repo,
                TestRepos.small().withCompression(compression).withIndexEvery(1, java.time.Duration.ofSeconds(30)))) {
            ExecutorService pool = Executors.newFixedThreadPool(3);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int me = t;
                done.add(pool.submit(() -> {
                    for (int i = me; i < blobs.size(); i += 3) {
                        TestBlobs.Blob b = blobs.get(i);
                        assertTrue(w.save(b.type(), b.id(), b.plain()));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            w.flush();
            // several index files: restic takes their union
            assertTrue(w.stats().packs() >= 3, "packs: " + w.stats().packs());
            assertTrue(w.stats().indexFiles() >= 2, "index files: " + w.stats().indexFiles());
        }
        Restic restic = new Restic(dir, TestRepos.PASSWORD);
        Restic.Result check = restic.ok("check", "--read-data");
        assertTrue(check.out().contains("no errors were found"), check.out());
        assertTrue(!check.out().contains("hint") && !check.out().contains("additional files"), check.out());
        int trees = 0;
        for (int i = 0; i < blobs.size(); i++) {
            TestBlobs.Blob b = blobs.get(i);
            if (i % 5 != 0 && b.type() != BlobType.TREE) {
                continue;
            }
            trees += b.type() == BlobType.TREE ? 1 : 0;
            // restic 0.14's "cat blob" looks the id up as a data blob, then as a tree blob
            assertArrayEquals(b.plain(), restic.ok("cat", "blob", b.id().hex()).stdout(), "restic cat blob " + b.id());
        }
        assertTrue(trees >= 2, "tree blobs sampled: " + trees);
        TestBlobs.Blob last = blobs.get(blobs.size() - 1);
        assertEquals(0, restic.ok("cat", "blob", last.id().hex()).stdout().length);
    }
}
