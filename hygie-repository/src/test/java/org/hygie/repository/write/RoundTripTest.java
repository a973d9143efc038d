package org.hygie.repository.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.FileInfo;
import org.hygie.repository.id.Id;
import org.hygie.repository.pack.BlobType;
import org.hygie.repository.pack.PackEntry;
import org.hygie.repository.pack.PackReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many blobs saved concurrently, read back through a freshly opened repository, packs checked one by one. */
class RoundTripTest {
    private static final int MIB = 1024 * 1024;

    @TempDir
    Path tmp;

    /** 1 B … 9 MiB, mostly small, about a fifth trees, half of them compressible. */
    static List<TestBlobs.Blob> blobSet(long seed, int count) {
        Random rnd = new Random(seed);
        List<TestBlobs.Blob> out = new ArrayList<>();
        out.add(TestBlobs.Blob.of(BlobType.DATA, TestBlobs.random(seed, 1)));
        out.add(TestBlobs.Blob.of(BlobType.DATA, TestBlobs.random(seed + 1, 9 * MIB)));
        out.add(TestBlobs.Blob.of(BlobType.DATA, TestBlobs.text(seed + 3, 9 * MIB)));
        out.add(TestBlobs.Blob.of(BlobType.TREE, TestBlobs.text(seed + 5, 1)));
        for (int i = out.size(); i < count; i++) {
            int bucket = rnd.nextInt(10);
            int size = bucket < 4 ? 1 + rnd.nextInt(4096)
                    : bucket < 7 ? 4096 + rnd.nextInt(256 * 1024)
                    : bucket < 9 ? 256 * 1024 + rnd.nextInt(2 * MIB) : 2 * MIB + rnd.nextInt(7 * MIB);
            BlobType type = rnd.nextInt(5) == 0 ? BlobType.TREE : BlobType.DATA;
            out.add(TestBlobs.Blob.of(type, TestBlobs.mixed(seed * 1000 + i, size)));
        }
        return out;
    }

    @Test
    void concurrentSavesReadBackIdenticalInWellFormedPacks() throws Exception {
        Path dir = tmp.resolve("repo");
        List<TestBlobs.Blob> blobs = blobSet(11, 120);
        Map<TestBlobs.Blob, AtomicInteger> accepted = new HashMap<>();
        blobs.forEach(b -> accepted.put(b, new AtomicInteger()));
        int producers = 4;
        WriterStats stats;
        try (Repository repo = TestRepos.init(dir, 2)) {
            RepositoryWriter writer = new RepositoryWriter(repo, TestRepos.small());
            ExecutorService pool = Executors.newFixedThreadPool(producers);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < producers; t++) {
                List<TestBlobs.Blob> mine = new ArrayList<>(blobs);
                Collections.shuffle(mine, new Random(t));
                done.add(pool.submit(() -> {
                    for (TestBlobs.Blob b : mine) {
                        if (writer.save(b.type(), b.id(), b.plain())) {
                            accepted.get(b).incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            writer.close();
            stats = writer.stats();
        }
        for (TestBlobs.Blob b : blobs) {
            assertEquals(1, accepted.get(b).get(), "accepted once: " + b.id());
        }
        assertEquals(blobs.size(), stats.newBlobs());
        assertEquals((producers - 1L) * blobs.size(), stats.duplicateBlobs());

        try (Repository repo = TestRepos.open(dir)) {
            for (TestBlobs.Blob b : blobs) {
                assertArrayEquals(b.plain(), repo.loadBlob(b.type(), b.id()), "blob " + b.id());
            }
            Map<Id, List<PackEntry>> packs = TestRepos.indexedPacks(repo);
            assertEquals(stats.packs(), packs.size());
            List<FileInfo> files = TestRepos.packFiles(repo);
            assertEquals(packs.size(), files.size(), "no pack without an index entry");
            Map<Id, Integer> stored = new HashMap<>();
            Map<BlobType, Integer> smallPacks = new HashMap<>();
            long packSize = TestRepos.small().packSize();
            for (FileInfo f : files) {
                Id pack = Id.parse(f.name());
                List<PackEntry> entries = packs.get(pack);
                assertEquals(PackReader.readHeader(repo.backend(), repo.key(), pack, true), entries,
                        "header of " + pack + " equals its index entries");
                BlobType type = entries.get(0).type();
                long blobBytes = 0;
                long headerBytes = 0;
                for (PackEntry e : entries) {
                    assertEquals(type, e.type(), "pack " + pack + " mixes blob types");
                    assertEquals(blobBytes, e.offset(), "blobs are contiguous");
                    blobBytes += e.length();
                    headerBytes += e.headerSize();
                    stored.merge(e.id(), 1, Integer::sum);
                }
                assertEquals(blobBytes + headerBytes + 32 + 4, f.size(), "size of pack " + pack);
                long largest = entries.stream().mapToLong(PackEntry::length).max().orElseThrow();
                assertTrue(blobBytes < packSize + largest, "pack overshoots by less than one blob: " + blobBytes);
                if (blobBytes < packSize) {
                    smallPacks.merge(type, 1, Integer::sum);
                }
            }
            smallPacks.values().forEach(n -> assertEquals(1, n, "only the last pack of a type is below target"));
            assertEquals(blobs.size(), stored.size());
            stored.forEach((id, n) -> assertEquals(1, n, "blob stored once: " + id));
            assertTrue(stats.packs() >= 10, "packs: " + stats.packs());
        }
    }

    /**
     * Chunks read in place: each blob is saved from the middle of one buffer that the caller overwrites right
     * after, as the chunker does with its own; what is stored is what was there at the call. Duplicates are not
     * copied at all, and the writer's reused arrays never mix two blobs.
     */
    @Test
    void blobsSavedFromAReusedBufferReadBackAsTheyWereAtTheCall() throws Exception {
        Path dir = tmp.resolve("repo");
        List<TestBlobs.Blob> blobs = blobSet(17, 80);
        byte[] buffer = new byte[10 * MIB];
        int accepted = 0;
        WriterStats stats;
        try (Repository repo = TestRepos.init(dir, 2)) {
            RepositoryWriter writer = new RepositoryWriter(repo, TestRepos.small());
            for (int round = 0; round < 2; round++) {
                for (TestBlobs.Blob b : blobs) {
                    int at = (b.plain().length * 7 + round) % (buffer.length - b.plain().length + 1);
                    System.arraycopy(b.plain(), 0, buffer, at, b.plain().length);
                    if (writer.saveCopy(b.type(), b.id(), buffer, at, b.plain().length)) {
                        accepted++;
                    }
                    java.util.Arrays.fill(buffer, at, at + b.plain().length, (byte) 0x5A); // the caller moves on
                }
            }
            writer.close();
            stats = writer.stats();
        }
        assertEquals(blobs.size(), accepted, "each blob stored once, the second round all duplicates");
        assertEquals(blobs.size(), stats.duplicateBlobs());
        try (Repository repo = TestRepos.open(dir)) {
            for (TestBlobs.Blob b : blobs) {
                assertArrayEquals(b.plain(), repo.loadBlob(b.type(), b.id()), "blob " + b.id());
            }
        }
    }

    @Test
    void compressesOnlyWhatShrinksAndNeverEmptyBlobs() throws Exception {
        Path dir = tmp.resolve("repo");
        TestBlobs.Blob text = TestBlobs.Blob.of(BlobType.DATA, TestBlobs.text(1, 100_000));
        TestBlobs.Blob noise = TestBlobs.Blob.of(BlobType.DATA, TestBlobs.random(2, 100_000));
        TestBlobs.Blob empty = TestBlobs.Blob.of(BlobType.DATA, new byte[0]);
        TestBlobs.Blob tree = TestBlobs.Blob.of(BlobType.TREE, TestBlobs.text(3, 5_000));
        try (Repository repo = TestRepos.init(dir, 2);
                RepositoryWriter w = new RepositoryWriter(repo, TestRepos.small())) {
            for (TestBlobs.Blob b : List.of(text, noise, empty, tree)) {
                assertTrue(w.save(b.type(), b.id(), b.plain()));
            }
        }
        try (Repository repo = TestRepos.open(dir)) {
            assertTrue(repo.index().lookup(BlobType.DATA, text.id()).compressed());
            assertEquals(false, repo.index().lookup(BlobType.DATA, noise.id()).compressed());
            assertEquals(false, repo.index().lookup(BlobType.DATA, empty.id()).compressed());
            assertEquals(32, repo.index().lookup(BlobType.DATA, empty.id()).length());
            assertTrue(repo.index().lookup(BlobType.TREE, tree.id()).compressed());
            for (TestBlobs.Blob b : List.of(text, noise, empty, tree)) {
                assertArrayEquals(b.plain(), repo.loadBlob(b.type(), b.id()));
            }
        }
    }

    @Test
    void compressionOffStoresDataPlainButStillCompressesTrees() throws Exception {
        Path dir = tmp.resolve("repo");
        TestBlobs.Blob text = TestBlobs.Blob.of(BlobType.DATA, TestBlobs.text(1, 100_000));
        TestBlobs.Blob tree = TestBlobs.Blob.of(BlobType.TREE, TestBlobs.text(3, 5_000));
        try (Repository repo = TestRepos.init(dir, 2); RepositoryWriter w = new RepositoryWriter(repo,
                TestRepos.small().withCompression(Compression.OFF))) {
            w.save(text.type(), text.id(), text.plain());
            w.save(tree.type(), tree.id(), tree.plain());
        }
        try (Repository repo = TestRepos.open(dir)) {
            assertEquals(false, repo.index().lookup(BlobType.DATA, text.id()).compressed());
            assertTrue(repo.index().lookup(BlobType.TREE, tree.id()).compressed());
        }
    }

    @Test
    void version1NeverCompresses() throws Exception {
        Path dir = tmp.resolve("repo");
        List<TestBlobs.Blob> blobs = blobSet(5, 30);
        try (Repository repo = TestRepos.init(dir, 1);
                RepositoryWriter w = new RepositoryWriter(repo, TestRepos.small())) {
            for (TestBlobs.Blob b : blobs) {
                w.save(b.type(), b.id(), b.plain());
            }
        }
        try (Repository repo = TestRepos.open(dir)) {
            for (List<PackEntry> entries : TestRepos.indexedPacks(repo).values()) {
                entries.forEach(e -> assertEquals(0, e.uncompressedLength()));
            }
            for (TestBlobs.Blob b : blobs) {
                assertArrayEquals(b.plain(), repo.loadBlob(b.type(), b.id()));
            }
        }
    }

    @Test
    void maxCompressionRoundTrips() throws Exception {
        Path dir = tmp.resolve("repo");
        List<TestBlobs.Blob> blobs = blobSet(8, 20);
        long auto;
        try (Repository repo = TestRepos.init(tmp.resolve("auto"), 2);
                RepositoryWriter w = new RepositoryWriter(repo, TestRepos.small())) {
            blobs.forEach(b -> w.save(b.type(), b.id(), b.plain()));
            w.flush();
            auto = w.stats().storedBytes();
        }
        try (Repository repo = TestRepos.init(dir, 2); RepositoryWriter w = new RepositoryWriter(repo,
                TestRepos.small().withCompression(Compression.MAX))) {
            blobs.forEach(b -> w.save(b.type(), b.id(), b.plain()));
            w.flush();
            assertTrue(w.stats().storedBytes() < auto, w.stats().storedBytes() + " vs " + auto);
        }
        try (Repository repo = TestRepos.open(dir)) {
            for (TestBlobs.Blob b : blobs) {
                assertArrayEquals(b.plain(), repo.loadBlob(b.type(), b.id()));
            }
        }
    }
}
