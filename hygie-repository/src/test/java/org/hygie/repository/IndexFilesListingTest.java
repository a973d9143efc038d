package org.hygie.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.hygie.repository.backend.CountingBackend;
import org.hygie.repository.backend.LocalBackend;
import org.hygie.repository.id.Id;
import org.hygie.repository.pack.BlobType;
import org.hygie.repository.write.RepositoryWriter;
import org.hygie.repository.write.WriterOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packs the index files list: each file read once, those another process wrote since read too. */
class IndexFilesListingTest {
    private static final byte[] PASSWORD = "index files".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    /** One writing session: one blob, so one pack and one index file. Returns the pack. */
    private static Id writeOnce(Repository repo, int n) {
        byte[] data = ("blob number " + n).getBytes(StandardCharsets.UTF_8);
        Id id = Id.hash(data);
        RepositoryWriter w = new RepositoryWriter(repo, WriterOptions.defaults().withThreads(1));
        w.save(BlobType.DATA, id, data);
        w.close();
        return repo.index().lookup(BlobType.DATA, id).pack();
    }

    @Test
    void everyIndexFileIsReadOnceAndNewOnesAreReadToo() throws Exception {
        Path dir = tmp.resolve("repo");
        Set<Id> packs = new HashSet<>();
        try (Repository repo = Repository.init(new LocalBackend(dir), PASSWORD, 2, 0x3DA3358B4DC173L,
                Repository.KdfParams.TESTING)) {
            for (int i = 0; i < 12; i++) {
                packs.add(writeOnce(repo, i));
            }
        }
        CountingBackend counting = new CountingBackend(new LocalBackend(dir));
        try (Repository repo = Repository.open(counting, PASSWORD)) {
            assertEquals(packs, repo.packsListedInIndexFiles());
            assertEquals(12, counting.indexReads.get(), "the in-memory index and the listing share one read a file");
            assertEquals(packs, repo.packsListedInIndexFiles());
            assertEquals(12, counting.indexReads.get(), "nothing read again");

            try (Repository other = Repository.open(new LocalBackend(dir), PASSWORD)) {
                packs.add(writeOnce(other, 99)); // another process backs up meanwhile
            }
            assertEquals(packs, repo.packsListedInIndexFiles());
            assertEquals(13, counting.indexReads.get(), "only the new index file is read");
        }
    }
}
