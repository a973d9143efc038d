package org.hygie.backup.archiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.FileInfo;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.backend.FilterBackend;
import org.hygie.repository.backend.LocalBackend;
import org.hygie.repository.lock.Locks;
import org.hygie.repository.lock.RepositoryLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup reads the index files while it looks for its parent among the snapshots, not one after the other: over
 * the internet each listing is a few round trips.
 */
class IndexWhileParentTest {
    private static final byte[] PASSWORD = "en même temps".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    /**
     * Lets the first listing of index files and the first listing of snapshots through only when both have started
     * (each waits at most 10 s for the other): one after the other, in either order, the first waits in vain.
     */
    static final class BothAtOnce extends FilterBackend {
        final CountDownLatch indexListing = new CountDownLatch(1);
        final CountDownLatch snapshotListing = new CountDownLatch(1);
        final AtomicBoolean waitedInVain = new AtomicBoolean();
        volatile boolean armed;

        BothAtOnce(Path dir) {
            super(new LocalBackend(dir));
        }

        @Override
        public List<FileInfo> list(FileType type) throws IOException {
            if (armed && type == FileType.INDEX) {
                meet(indexListing, snapshotListing);
            } else if (armed && type == FileType.SNAPSHOT) {
                meet(snapshotListing, indexListing);
            }
            return inner.list(type);
        }

        private void meet(CountDownLatch mine, CountDownLatch other) throws IOException {
            mine.countDown();
            try {
                if (!other.await(10, TimeUnit.SECONDS)) {
                    waitedInVain.set(true);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    @Test
    void theIndexLoadsWhileTheParentIsLookedFor() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("lettre.txt"), "Cher confrère,");
        Path repoDir = tmp.resolve("repo");
        Repository.init(new LocalBackend(repoDir), PASSWORD, 2, 0x3DA3358B4DC173L, Repository.KdfParams.TESTING)
                .close();
        try (Repository first = Repository.open(new LocalBackend(repoDir), PASSWORD)) {
            BackupInteropTest.backup(first, BackupOptions.of(List.of(src)));
        }
        Files.writeString(src.resolve("lettre-2.txt"), "Chère consœur,");
        BothAtOnce store = new BothAtOnce(repoDir);
        BackupSummary second;
        try (Repository repo = Repository.open(store, PASSWORD);
                RepositoryLock lock = Locks.acquire(repo, false)) {
            store.armed = true;
            second = BackupInteropTest.backup(repo, BackupOptions.of(List.of(src)));
        }
        assertTrue(!store.waitedInVain.get(), "the index and the snapshots were listed one after the other");
        assertTrue(second.parent() != null, "the first backup is the parent");
        assertEquals(1, second.filesNew());
        assertEquals(1, second.filesUnmodified());
    }
}
