package org.hygie.repository.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.backend.FilterBackend;
import org.hygie.repository.backend.LocalBackend;
import org.hygie.repository.id.Id;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Index files and snapshots are read from the local copy while it is sound and the store still lists them. */
class CachingBackendTest {
    @TempDir
    Path tmp;
    LocalBackend local;
    ReadCounter store;
    List<String> warnings = new ArrayList<>();

    /** The store, counting the whole-file reads of each type; it says it is across a network. */
    static final class ReadCounter extends FilterBackend {
        final Map<FileType, AtomicInteger> reads = Map.of(FileType.INDEX, new AtomicInteger(),
                FileType.SNAPSHOT, new AtomicInteger(), FileType.KEY, new AtomicInteger(),
                FileType.LOCK, new AtomicInteger(), FileType.PACK, new AtomicInteger());

        ReadCounter(Backend inner) {
            super(inner);
        }

        int reads(FileType t) {
            return reads.get(t).get();
        }

        @Override
        public byte[] load(FileType type, String name) throws IOException {
            reads.get(type).incrementAndGet();
            return inner.load(type, name);
        }

        @Override
        public boolean overNetwork() {
            return true;
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        local = new LocalBackend(tmp.resolve("store"));
        local.create();
        store = new ReadCounter(local);
    }

    private CachingBackend cache() {
        return new CachingBackend(store, tmp.resolve("cache").resolve("repo-id"), warnings::add);
    }

    /** Saves {@code text} in the store under the hash of its bytes, as the repository names its files. */
    private String put(FileType type, String text) throws IOException {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        String name = Id.hash(data).hex();
        local.save(type, name, data);
        return name;
    }

    private Path copyOf(FileType type, String name) {
        return tmp.resolve("cache").resolve("repo-id").resolve(type.folder()).resolve(name);
    }

    @Test
    void aSecondReadComesFromTheCopyInTheSameRunAndTheNext() throws IOException {
        String index = put(FileType.INDEX, "un index");
        String snapshot = put(FileType.SNAPSHOT, "une sauvegarde");
        CachingBackend c = cache();
        assertArrayEquals(local.load(FileType.INDEX, index), c.load(FileType.INDEX, index));
        assertArrayEquals(local.load(FileType.INDEX, index), c.load(FileType.INDEX, index));
        c.load(FileType.SNAPSHOT, snapshot);
        assertEquals(1, store.reads(FileType.INDEX));
        assertEquals(1, store.reads(FileType.SNAPSHOT));
        CachingBackend nextRun = cache();
        assertArrayEquals(local.load(FileType.SNAPSHOT, snapshot), nextRun.load(FileType.SNAPSHOT, snapshot));
        assertEquals(1, store.reads(FileType.SNAPSHOT));
        assertEquals(List.of(), warnings);
    }

    @Test
    void copiesArePrivateAndTheFolderIsTaggedAsACache() throws IOException {
        String index = put(FileType.INDEX, "un index");
        cache().load(FileType.INDEX, index);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                copyOf(FileType.INDEX, index))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                copyOf(FileType.INDEX, index).getParent())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("cache"))));
        assertTrue(Files.readString(tmp.resolve("cache/CACHEDIR.TAG"))
                .startsWith("Signature: 8a477f597d28d172789f06886806bc55"));
    }

    @Test
    void aCopyThatNoLongerHashesToItsNameIsReadAgainFromTheStoreAndMended() throws IOException {
        String index = put(FileType.INDEX, "un index");
        cache().load(FileType.INDEX, index);
        Files.writeString(copyOf(FileType.INDEX, index), "abîmé sur le disque local");
        assertArrayEquals(local.load(FileType.INDEX, index), cache().load(FileType.INDEX, index));
        assertEquals(2, store.reads(FileType.INDEX));
        assertArrayEquals(local.load(FileType.INDEX, index), Files.readAllBytes(copyOf(FileType.INDEX, index)));
    }

    @Test
    void aFileDamagedInTheStoreIsReturnedAsItIsAndNotCopied() throws IOException {
        String snapshot = put(FileType.SNAPSHOT, "une sauvegarde");
        Files.writeString(tmp.resolve("store/snapshots").resolve(snapshot), "abîmée sur le serveur");
        assertEquals("abîmée sur le serveur", new String(cache().load(FileType.SNAPSHOT, snapshot),
                StandardCharsets.UTF_8));
        assertFalse(Files.exists(copyOf(FileType.SNAPSHOT, snapshot)));
    }

    @Test
    void listingForgetsTheCopiesOfFilesTheStoreNoLongerHas() throws IOException {
        String kept = put(FileType.SNAPSHOT, "gardée");
        String forgotten = put(FileType.SNAPSHOT, "oubliée ailleurs");
        CachingBackend c = cache();
        c.load(FileType.SNAPSHOT, kept);
        c.load(FileType.SNAPSHOT, forgotten);
        local.delete(FileType.SNAPSHOT, forgotten); // by another computer's forget
        assertEquals(1, c.list(FileType.SNAPSHOT).size());
        assertTrue(Files.exists(copyOf(FileType.SNAPSHOT, kept)));
        assertFalse(Files.exists(copyOf(FileType.SNAPSHOT, forgotten)));
    }

    @Test
    void whatIsSavedIsCopiedAndWhatIsDeletedIsForgotten() throws IOException {
        byte[] data = "un nouvel index".getBytes(StandardCharsets.UTF_8);
        String name = Id.hash(data).hex();
        CachingBackend c = cache();
        c.save(FileType.INDEX, name, data);
        assertArrayEquals(data, c.load(FileType.INDEX, name));
        assertEquals(0, store.reads(FileType.INDEX));
        c.delete(FileType.INDEX, name);
        assertFalse(Files.exists(copyOf(FileType.INDEX, name)));
        assertFalse(local.exists(FileType.INDEX, name));
    }

    @Test
    void keysLocksAndPacksAreAlwaysReadFromTheStore() throws IOException {
        String key = put(FileType.KEY, "une clé");
        String lock = put(FileType.LOCK, "un verrou");
        String pack = put(FileType.PACK, "un paquet");
        CachingBackend c = cache();
        for (int i = 0; i < 2; i++) {
            c.load(FileType.KEY, key);
            c.load(FileType.LOCK, lock);
            c.load(FileType.PACK, pack);
        }
        assertEquals(2, store.reads(FileType.KEY));
        assertEquals(2, store.reads(FileType.LOCK));
        assertEquals(2, store.reads(FileType.PACK));
        assertFalse(Files.exists(tmp.resolve("cache/repo-id/keys")));
    }

    @Test
    void aCacheThatCannotBeWrittenIsSaidOnceAndTheStoreStillAnswers() throws IOException {
        Files.writeString(tmp.resolve("cache"), "a file where the cache folder should be");
        String a = put(FileType.INDEX, "a");
        String b = put(FileType.INDEX, "b");
        CachingBackend c = cache();
        assertArrayEquals(local.load(FileType.INDEX, a), c.load(FileType.INDEX, a));
        assertArrayEquals(local.load(FileType.INDEX, b), c.load(FileType.INDEX, b));
        assertArrayEquals(local.load(FileType.INDEX, b), c.load(FileType.INDEX, b));
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains(tmp.resolve("cache").toString()), warnings.toString());
        assertEquals(3, store.reads(FileType.INDEX));
    }

    @Test
    void onlyARepositoryAcrossANetworkIsCachedAndACheckCanReadTheStoreAlone() throws IOException {
        Path cacheRoot = tmp.resolve("cache");
        try (Repository onDisk = Repository.init(new LocalBackend(tmp.resolve("disk")), "pw".getBytes(
                StandardCharsets.UTF_8), 2, 0x3DA3358B4DC173L, Repository.KdfParams.TESTING)) {
            assertSame(onDisk, onDisk.cachedIn(cacheRoot, warnings::add));
        }
        Repository far = Repository.init(new ReadCounter(new LocalBackend(tmp.resolve("far"))),
                "pw".getBytes(StandardCharsets.UTF_8), 2, 0x3DA3358B4DC173L, Repository.KdfParams.TESTING);
        Repository cached = far.cachedIn(cacheRoot, warnings::add);
        assertTrue(cached.backend() instanceof CachingBackend c
                && c.dir().equals(cacheRoot.resolve(far.config().id())), cached.backend().toString());
        assertSame(cached, cached.cachedIn(cacheRoot, warnings::add));
        assertFalse(cached.uncached().backend() instanceof CachingBackend);
        cached.close();
    }

    @Test
    void theFoldersOfRepositoriesUnusedFor30DaysAreRemovedAndNothingElse() throws IOException {
        Path root = tmp.resolve("cache");
        java.time.Instant now = java.time.Instant.parse("2026-11-29T02:00:00Z");
        String mine = "a".repeat(64);
        String recent = "b".repeat(64);
        String old = "c".repeat(64);
        for (String id : List.of(mine, recent, old)) {
            Files.createDirectories(root.resolve(id).resolve("index"));
            Files.writeString(root.resolve(id).resolve("index").resolve("f"), "copie");
        }
        Files.createDirectories(root.resolve("not-a-repository"));
        Files.writeString(root.resolve("CACHEDIR.TAG"), "Signature: 8a477f597d28d172789f06886806bc55\n");
        java.nio.file.attribute.FileTime longAgo = java.nio.file.attribute.FileTime.from(now.minus(
                java.time.Duration.ofDays(31)));
        Files.setLastModifiedTime(root.resolve(mine), longAgo);
        Files.setLastModifiedTime(root.resolve(old), longAgo);
        Files.setLastModifiedTime(root.resolve("not-a-repository"), longAgo);
        Files.setLastModifiedTime(root.resolve(recent), java.nio.file.attribute.FileTime.from(now.minus(
                java.time.Duration.ofDays(29))));

        CacheRoot.tidy(root, mine, now, warnings::add);

        assertTrue(Files.exists(root.resolve(mine).resolve("index/f")), "the repository in use is kept");
        assertEquals(now, Files.getLastModifiedTime(root.resolve(mine)).toInstant(), "and marked as used now");
        assertTrue(Files.exists(root.resolve(recent).resolve("index/f")), "used 29 days ago: kept");
        assertFalse(Files.exists(root.resolve(old)), "unused for 31 days: removed");
        assertTrue(Files.exists(root.resolve("not-a-repository")), "not named by a repository id: never touched");
        assertTrue(Files.exists(root.resolve("CACHEDIR.TAG")));
        assertEquals(List.of(), warnings);
    }

    @Test
    void theCacheRootFollowsTheEnvironment() {
        assertEquals(Path.of("/srv/cache-hygie"), CacheRoot.standard(Map.of("HYGIE_CACHE_DIR", "/srv/cache-hygie",
                "XDG_CACHE_HOME", "/x"), "/home/dr"));
        assertEquals(Path.of("/x/hygie"), CacheRoot.standard(Map.of("XDG_CACHE_HOME", "/x"), "/home/dr"));
        assertEquals(Path.of("/home/dr/.cache/hygie"), CacheRoot.standard(Map.of("XDG_CACHE_HOME", "relatif"),
                "/home/dr"));
        assertEquals(Path.of("/home/dr/.cache/hygie"), CacheRoot.standard(Map.of(), "/home/dr"));
    }
}
