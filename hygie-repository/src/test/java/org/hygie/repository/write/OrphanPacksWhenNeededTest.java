package org.hygie.repository.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.FileInfo;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.backend.FilterBackend;
import org.hygie.repository.backend.LocalBackend;
import org.hygie.repository.cache.CachingBackend;
import org.hygie.repository.cache.WriteMarks;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.pack.BlobType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A far repository's {@code data/} is listed for packs without index only when a writer of this computer may have
 * left some (its mark in the local folder), or when it never was from here; a local folder always is.
 */
class OrphanPacksWhenNeededTest {
    @TempDir
    Path tmp;
    Path cacheRoot;
    List<String> warnings = new ArrayList<>();

    /** A store that says it is across a network and counts the listings of data/. */
    static final class FarStore extends FilterBackend {
        final AtomicInteger packListings = new AtomicInteger();

        FarStore(Backend inner) {
            super(inner);
        }

        @Override
        public List<FileInfo> list(FileType type) throws IOException {
            if (type == FileType.PACK) {
                packListings.incrementAndGet();
            }
            return inner.list(type);
        }

        @Override
        public boolean overNetwork() {
            return true;
        }
    }

    @BeforeEach
    void setUp() {
        cacheRoot = tmp.resolve("cache");
        try (Repository r = TestRepos.init(tmp.resolve("repo"), 2)) {
            assertTrue(r.config().id().length() > 0);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Repository far(FarStore store) {
        return Repository.open(store, TestRepos.PASSWORD_BYTES).cachedIn(cacheRoot, warnings::add);
    }

    private static void write(Repository repo, int seed) {
        try (RepositoryWriter w = new RepositoryWriter(repo, TestRepos.small())) {
            TestBlobs.Blob b = TestBlobs.Blob.of(BlobType.DATA, TestBlobs.random(seed, 50_000));
            w.save(b.type(), b.id(), b.plain());
        }
    }

    @Test
    void aFarRepositoryIsListedTheFirstTimeThenOnlyAfterAWriterStoppedBeforeIndexing() throws IOException {
        FarStore store = new FarStore(new LocalBackend(tmp.resolve("repo")));
        try (Repository repo = far(store)) {
            OrphanPacks.indexIfNeeded(repo);
            assertEquals(1, store.packListings.get(), "never listed from this computer: listed");
            write(repo, 1);
            OrphanPacks.indexIfNeeded(repo);
            assertEquals(1, store.packListings.get(), "every writer finished: not listed");
        }

        // a writer that fails after storing packs whose index file could not be written: its mark stays
        FaultyBackend faulty = new FaultyBackend(new LocalBackend(tmp.resolve("repo")));
        FarStore failing = new FarStore(faulty);
        try (Repository repo = far(failing)) {
            faulty.failAfterPacks(2);
            // as every command does: the writer closed however it ends (here on a save or on the close itself)
            assertThrows(RepositoryException.class, () -> {
                try (RepositoryWriter w = new RepositoryWriter(repo, TestRepos.small().withIndexEvery(100,
                        java.time.Duration.ofMinutes(10)))) {
                    for (int i = 0; i < 8; i++) {
                        TestBlobs.Blob b = TestBlobs.Blob.of(BlobType.DATA, TestBlobs.random(100 + i, 3_000_000));
                        w.save(b.type(), b.id(), b.plain());
                    }
                }
            });
        }
        FarStore next = new FarStore(new LocalBackend(tmp.resolve("repo")));
        try (Repository repo = far(next)) {
            OrphanPacks.Result r = OrphanPacks.indexIfNeeded(repo);
            assertEquals(1, next.packListings.get(), "a writer stopped before indexing: listed");
            assertTrue(r.indexed() >= 1, "the packs it left are indexed: " + r);
            OrphanPacks.indexIfNeeded(repo);
            assertEquals(1, next.packListings.get(), "recovered: not listed again");
        }
        assertEquals(List.of(), warnings);
    }

    @Test
    void aFarRepositoryCreatedFromThisComputerIsNotListedBeforeItsFirstWriter() throws IOException {
        FarStore store = new FarStore(new LocalBackend(tmp.resolve("new")));
        try (Repository repo = TestRepos.init(store, 2).cachedIn(cacheRoot, warnings::add)) {
            WriteMarks.createdHere(repo.backend());
            OrphanPacks.indexIfNeeded(repo);
            assertEquals(0, store.packListings.get(), "created here, nothing written yet: not listed");
            write(repo, 7);
        }
        // the same repository from another computer (another local folder): listed once, as any first time
        FarStore elsewhere = new FarStore(new LocalBackend(tmp.resolve("new")));
        try (Repository repo = Repository.open(elsewhere, TestRepos.PASSWORD_BYTES)
                .cachedIn(tmp.resolve("other-cache"), warnings::add)) {
            assertEquals(0, OrphanPacks.indexIfNeeded(repo).indexed(), "the first writer indexed its pack");
            assertEquals(1, elsewhere.packListings.get());
        }
        assertEquals(List.of(), warnings);
    }

    @Test
    void theMarkOfAProcessThatEndedMeansAListing() throws Exception {
        FarStore store = new FarStore(new LocalBackend(tmp.resolve("repo")));
        try (Repository repo = far(store)) {
            OrphanPacks.indexIfNeeded(repo);
            assertEquals(1, store.packListings.get());
            Process gone = new ProcessBuilder("true").start();
            gone.waitFor();
            Path marks = ((CachingBackend) repo.backend()).dir().resolve("writing");
            Files.createDirectories(marks);
            Files.createFile(marks.resolve(gone.pid() + "-0123456789abcdef"));
            Files.createFile(marks.resolve(ProcessHandle.current().parent().orElseThrow().pid() + "-at-work"));
            OrphanPacks.indexIfNeeded(repo);
            assertEquals(2, store.packListings.get(), "a writer killed (kill -9, power cut): listed");
            try (var left = Files.list(marks)) {
                assertEquals(List.of(ProcessHandle.current().parent().orElseThrow().pid() + "-at-work"),
                        left.map(p -> p.getFileName().toString()).toList(), "the live writer's mark stays");
            }
            OrphanPacks.indexIfNeeded(repo);
            assertEquals(2, store.packListings.get(), "another process at work: its packs are its own business");
        }
    }

    @Test
    void aLocalFolderAndAFarRepositoryWithoutItsLocalFolderAreAlwaysListed() throws IOException {
        FarStore store = new FarStore(new LocalBackend(tmp.resolve("repo")));
        try (Repository repo = Repository.open(store, TestRepos.PASSWORD_BYTES)) {
            OrphanPacks.indexIfNeeded(repo);
            write(repo, 2);
            OrphanPacks.indexIfNeeded(repo);
            assertEquals(2, store.packListings.get(), "no local folder (--no-cache): listed each time");
        }
        Files.writeString(cacheRoot, "a file where the cache folder should be");
        try (Repository repo = far(store)) {
            OrphanPacks.indexIfNeeded(repo);
            write(repo, 3);
            OrphanPacks.indexIfNeeded(repo);
            assertEquals(4, store.packListings.get(), "local folder unusable: listed each time");
        }
        assertEquals(1, warnings.size(), warnings.toString());
    }
}
