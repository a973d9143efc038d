package org.hygie.repository.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.FileInfo;
import org.hygie.repository.backend.LocalBackend;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.id.Id;
import org.hygie.repository.pack.BlobType;
import org.hygie.repository.pack.PackEntry;
import org.hygie.repository.pack.PackReader;
import org.hygie.repository.testing.Restic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash after some packs were stored and before their index was written: the repository stays valid for
 * restic, and {@link OrphanPacks} makes the blobs of those packs known again, so they are not uploaded twice.
 */
class CrashRecoveryTest {
    @TempDir
    Path tmp;

    @Test
    void packsLeftWithoutIndexAreHarmlessAndRecovered() throws Exception {
        Path dir = tmp.resolve("repo");
        List<TestBlobs.Blob> blobs = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            blobs.add(TestBlobs.Blob.of(i % 9 == 0 ? BlobType.TREE : BlobType.DATA,
                    TestBlobs.random(i, 700_000 + i * 1000)));
        }
        // The "crash": after 8 packs nothing reaches the disk any more, the index files that were due included.
        FaultyBackend backend = new FaultyBackend(new LocalBackend(dir));
        try (Repository repo = TestRepos.init(backend, 2)) {
            backend.failAfterPacks(8);
            RepositoryWriter w = new RepositoryWriter(repo, TestRepos.small().withIndexEvery(3,
                    Duration.ofMinutes(10)));
            assertThrows(RepositoryException.class, () -> {
                for (TestBlobs.Blob b : blobs) {
                    w.save(b.type(), b.id(), b.plain());
                }
                w.flush();
            });
            assertEquals(Problem.IO, assertThrows(RepositoryException.class, w::close).problem());
        }
        assertEquals(8, backend.packsSaved());

        Set<Id> orphans = new HashSet<>();
        Set<Id> storedBlobs = new HashSet<>();
        try (Repository repo = TestRepos.open(dir)) {
            Map<Id, List<PackEntry>> indexed = TestRepos.indexedPacks(repo);
            for (FileInfo f : TestRepos.packFiles(repo)) {
                Id pack = Id.parse(f.name());
                if (!indexed.containsKey(pack)) {
                    orphans.add(pack);
                }
                PackReader.readHeader(repo.backend(), repo.key(), pack, true).forEach(e -> storedBlobs.add(e.id()));
            }
        }
        // Pack 8 at least: its index file could only have been written after it, when nothing could be written.
        assertTrue(orphans.size() >= 1, "packs not indexed: " + orphans.size());

        Restic restic = new Restic(dir, TestRepos.PASSWORD);
        Restic.Result check = restic.ok("check", "--read-data");
        assertTrue(check.out().contains("not referenced in any index"), check.out());
        assertTrue(check.out().contains("no errors were found"), check.out());

        try (Repository repo = TestRepos.open(dir)) {
            OrphanPacks.Result r = OrphanPacks.index(repo);
            assertEquals(orphans.size(), r.indexed());
            assertEquals(List.of(), r.skipped());
            assertEquals(0, RepositoryWriter.indexOrphanPacks(repo), "nothing left to recover");
        }
        try (Repository repo = TestRepos.open(dir)) {
            RepositoryWriter w = new RepositoryWriter(repo, TestRepos.small());
            for (TestBlobs.Blob b : blobs) {
                assertEquals(!storedBlobs.contains(b.id()), w.save(b.type(), b.id(), b.plain()),
                        "a blob of a stored pack is not saved again: " + b.id());
            }
            w.close();
            assertEquals(storedBlobs.size(), w.stats().duplicateBlobs());
        }
        check = restic.ok("check", "--read-data");
        assertTrue(check.out().contains("no errors were found"), check.out());
        assertTrue(!check.out().contains("additional files"), check.out());
        try (Repository repo = TestRepos.open(dir)) {
            Set<Id> once = new HashSet<>();
            for (List<PackEntry> entries : TestRepos.indexedPacks(repo).values()) {
                entries.forEach(e -> assertTrue(once.add(e.id()), "stored twice: " + e.id()));
            }
            assertEquals(blobs.size(), once.size());
        }
    }

    @Test
    void aTruncatedPackIsSkippedNotIndexed() throws Exception {
        Path dir = tmp.resolve("repo");
        TestBlobs.Blob b = TestBlobs.Blob.of(BlobType.DATA, TestBlobs.random(1, 1000));
        FaultyBackend backend = new FaultyBackend(new LocalBackend(dir));
        try (Repository repo = TestRepos.init(backend, 2)) {
            backend.failAfterPacks(1);
            RepositoryWriter w = new RepositoryWriter(repo, TestRepos.small());
            w.save(b.type(), b.id(), b.plain());
            assertThrows(RepositoryException.class, w::close);
        }
        // A pack whose size does not match its header (a foreign or damaged file) is reported, not indexed.
        Path pack;
        try (var files = java.nio.file.Files.walk(dir.resolve("data"))) {
            pack = files.filter(java.nio.file.Files::isRegularFile).findFirst().orElseThrow();
        }
        byte[] bytes = java.nio.file.Files.readAllBytes(pack);
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        System.arraycopy(bytes, 0, longer, 1, bytes.length);
        pack.toFile().setWritable(true);
        java.nio.file.Files.write(pack, longer);
        try (Repository repo = TestRepos.open(dir)) {
            OrphanPacks.Result r = OrphanPacks.index(repo);
            assertEquals(0, r.indexed());
            assertEquals(1, r.skipped().size(), r.skipped().toString());
        }
    }
}
