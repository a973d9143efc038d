package org.hygie.repository.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.backend.LocalBackend;
import org.hygie.repository.id.Id;
import org.hygie.repository.index.IndexFiles;
import org.hygie.repository.pack.BlobType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Index files list only packs already stored, and are written along the way, not only at the end. */
class IndexWritingTest {
    private static final int MIB = 1024 * 1024;

    @TempDir
    Path tmp;

    @Test
    void everyIndexFileListsOnlyPacksStoredBeforeIt() throws Exception {
        FaultyBackend backend = new FaultyBackend(new LocalBackend(tmp.resolve("repo")));
        try (Repository repo = TestRepos.init(backend, 2)) {
            RepositoryWriter w = new RepositoryWriter(repo, TestRepos.small().withUploadThreads(3)
                    .withIndexEvery(2, Duration.ofMinutes(10)));
            for (int i = 0; i < 40; i++) {
                TestBlobs.Blob b = TestBlobs.Blob.of(BlobType.DATA, TestBlobs.random(i, MIB));
                w.save(b.type(), b.id(), b.plain());
            }
            w.close();
            Set<String> stored = new HashSet<>();
            int indexFiles = 0;
            int packsIndexed = 0;
            for (String s : backend.saves()) {
                if (s.startsWith("data/")) {
                    stored.add(s.substring(5));
                } else if (s.startsWith("index/")) {
                    indexFiles++;
                    for (IndexFiles.PackRecord p : IndexFiles.parse(repo.loadUnpacked(FileType.INDEX,
                            Id.parse(s.substring(6))))) {
                        assertTrue(stored.contains(p.pack().hex()), "index " + s + " lists pack " + p.pack()
                                + " before it was stored");
                        packsIndexed++;
                    }
                }
            }
            assertEquals(w.stats().packs(), stored.size());
            assertEquals(stored.size(), packsIndexed, "each pack indexed once");
            List<String> saves = backend.saves();
            int firstIndex = 0;
            while (!saves.get(firstIndex).startsWith("index/")) {
                firstIndex++;
            }
            int lastPack = saves.size() - 1;
            while (!saves.get(lastPack).startsWith("data/")) {
                lastPack--;
            }
            assertTrue(firstIndex < lastPack, "an index file was written before the last pack: " + saves);
            assertTrue(indexFiles >= 2, indexFiles + " index files for " + stored.size() + " packs");
        }
    }

    @Test
    void anIndexFileIsWrittenAfterTheIntervalWithoutFlush() throws Exception {
        try (Repository repo = TestRepos.init(tmp.resolve("repo"), 2)) {
            RepositoryWriter w = new RepositoryWriter(repo, TestRepos.small()
                    .withIndexEvery(1000, Duration.ofMillis(300)));
            for (int i = 0; i < 6; i++) {
                TestBlobs.Blob b = TestBlobs.Blob.of(BlobType.DATA, TestBlobs.random(i, MIB));
                w.save(b.type(), b.id(), b.plain());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            List<Id> indexes = repo.list(FileType.INDEX);
            while (indexes.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
                indexes = repo.list(FileType.INDEX);
            }
            assertEquals(1, indexes.size(), "one index file, written by the timer");
            List<IndexFiles.PackRecord> listed = IndexFiles.parse(repo.loadUnpacked(FileType.INDEX, indexes.get(0)));
            assertEquals(1, listed.size(), "the one full pack");
            assertEquals(List.of(listed.get(0).pack()), repo.list(FileType.PACK));
            w.close();
            assertEquals(2, repo.list(FileType.PACK).size());
            assertEquals(2, repo.list(FileType.INDEX).size());
        }
    }
}
