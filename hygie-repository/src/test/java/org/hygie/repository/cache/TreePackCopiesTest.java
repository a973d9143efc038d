package org.hygie.repository.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.CountingBackend;
import org.hygie.repository.backend.LocalBackend;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.id.Id;
import org.hygie.repository.index.BlobLocation;
import org.hygie.repository.pack.BlobType;
import org.hygie.repository.testing.Damage;
import org.hygie.repository.write.RepositoryWriter;
import org.hygie.repository.write.WriterOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packs of trees are kept in a far repository's local folder, as restic keeps them: a night reads the parent
 * snapshot's trees from there, not across the network; packs of file data never are; a copy that went bad, or a pack
 * damaged on the store, changes nothing to what is read.
 */
class TreePackCopiesTest {
    private static final byte[] PASSWORD = "copies".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;
    final List<String> warnings = new ArrayList<>();

    /** A store across a network that counts the pack reads, ranged and whole. */
    static final class FarStore extends CountingBackend {
        FarStore(Path dir) {
            super(new LocalBackend(dir));
        }

        int packReads() {
            return packReads.get() + wholePackReads.get();
        }

        @Override
        public boolean overNetwork() {
            return true;
        }
    }

    private record Written(List<Id> trees, List<byte[]> plain, List<Id> data) {
    }

    /** Writes {@code count} trees and as many data blobs, through {@code repo}, in packs of 4 MiB. */
    private static Written write(Repository repo, int count, long seed) {
        Random rnd = new Random(seed);
        List<Id> trees = new ArrayList<>();
        List<byte[]> plain = new ArrayList<>();
        List<Id> data = new ArrayList<>();
        RepositoryWriter w = new RepositoryWriter(repo, WriterOptions.defaults().withPackSizeMiB(4).withThreads(2));
        for (int i = 0; i < count; i++) {
            StringBuilder sb = new StringBuilder("{\"nodes\":[");
            int n = 200 + rnd.nextInt(60_000);
            byte[] name = new byte[48];
            while (sb.length() < n) {
                rnd.nextBytes(name); // names that do not compress, so that the trees fill several packs
                sb.append("{\"name\":\"").append(Base64.getEncoder().encodeToString(name)).append("\"},");
            }
            byte[] tree = sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
            Id id = Id.hash(tree);
            w.save(BlobType.TREE, id, tree);
            trees.add(id);
            plain.add(tree);
            byte[] bytes = new byte[1000 + rnd.nextInt(50_000)];
            rnd.nextBytes(bytes);
            Id dataId = Id.hash(bytes);
            w.save(BlobType.DATA, dataId, bytes);
            data.add(dataId);
        }
        w.close();
        return new Written(trees, plain, data);
    }

    private Repository openCached(FarStore store) {
        return Repository.open(store, PASSWORD).cachedIn(tmp.resolve("cache"), warnings::add);
    }

    private Repository initFar(FarStore store) {
        return Repository.init(store, PASSWORD, 2, 0x3DA3358B4DC173L, Repository.KdfParams.TESTING);
    }

    private static Set<Id> treePacks(Repository repo, Written w) {
        Set<Id> packs = new HashSet<>();
        for (Id id : w.trees()) {
            packs.add(repo.index().lookup(BlobType.TREE, id).pack());
        }
        return packs;
    }

    /** Reads every tree, in a shuffled order, and checks each one's bytes. */
    private static void readAllTrees(Repository repo, Written w) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < w.trees().size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(11));
        for (int i : order) {
            assertArrayEquals(w.plain().get(i), repo.loadBlob(BlobType.TREE, w.trees().get(i)), "tree " + i);
        }
    }

    private Path copies(Repository repo) {
        return tmp.resolve("cache").resolve(repo.config().id()).resolve("data");
    }

    private Set<String> copyNames(Repository repo) throws IOException {
        Set<String> names = new HashSet<>();
        if (Files.isDirectory(copies(repo))) {
            try (Stream<Path> s = Files.list(copies(repo))) {
                s.forEach(p -> names.add(p.getFileName().toString()));
            }
        }
        return names;
    }

    private static Set<String> hex(Set<Id> ids) {
        Set<String> out = new HashSet<>();
        ids.forEach(id -> out.add(id.hex()));
        return out;
    }

    @Test
    void treesThisComputerWroteAreReadNextNightWithoutTouchingTheStore() throws IOException {
        FarStore store = new FarStore(tmp.resolve("far"));
        Written w;
        Set<Id> treePacks;
        try (Repository first = initFar(store).cachedIn(tmp.resolve("cache"), warnings::add)) {
            w = write(first, 300, 1);
            treePacks = treePacks(first, w);
            assertTrue(treePacks.size() >= 2, "the trees fill several packs: " + treePacks.size());
            assertEquals(hex(treePacks), copyNames(first), "each pack of trees is kept as it is saved, and only those");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    copies(first).resolve(treePacks.iterator().next().hex()))));
        }
        int before = store.packReads();
        try (Repository night = openCached(store)) {
            readAllTrees(night, w);
            assertEquals(before, store.packReads(), "no tree was read from the store");
            assertTrue(night.loadBlob(BlobType.DATA, w.data().get(3)).length > 0);
            assertEquals(before + 1, store.packReads(), "file data is read from the store");
        }
        assertEquals(List.of(), warnings);
    }

    @Test
    void packsOfTreesWrittenElsewhereAreFetchedWholeOnceThenReadLocally() throws IOException {
        FarStore store = new FarStore(tmp.resolve("far"));
        Written w;
        try (Repository elsewhere = initFar(store)) {
            w = write(elsewhere, 300, 2);
        }
        Set<Id> treePacks;
        try (Repository night = openCached(store)) {
            treePacks = treePacks(night, w);
            readAllTrees(night, w);
            assertEquals(treePacks.size(), store.wholePackReads.get(), "each pack of trees fetched once, whole");
            assertEquals(0, store.packReads.get(), "and no tree read on its own");
            assertEquals(hex(treePacks), copyNames(night));
        }
        try (Repository nextNight = openCached(store)) {
            readAllTrees(nextNight, w);
            nextNight.loadBlob(BlobType.DATA, w.data().get(0));
            assertEquals(treePacks.size(), store.wholePackReads.get(), "the next night reads the copies");
            assertEquals(1, store.packReads.get(), "and the store for file data only");
            assertEquals(hex(treePacks), copyNames(nextNight), "packs of file data are never kept");
        }
        assertEquals(List.of(), warnings);
    }

    @Test
    void aCopyThatWentBadIsFetchedAgainAndTheTreesReadRight() throws IOException {
        FarStore store = new FarStore(tmp.resolve("far"));
        Written w;
        Path copy;
        try (Repository first = initFar(store).cachedIn(tmp.resolve("cache"), warnings::add)) {
            w = write(first, 60, 3);
            Id pack = first.index().lookup(BlobType.TREE, w.trees().get(0)).pack();
            copy = copies(first).resolve(pack.hex());
        }
        byte[] sound = Files.readAllBytes(copy);
        Damage.flipByte(copy, Files.size(copy) / 2);
        try (Repository night = openCached(store)) {
            readAllTrees(night, w);
        }
        assertEquals(1, store.wholePackReads.get(), "the damaged copy, and it only, is fetched again");
        assertArrayEquals(sound, Files.readAllBytes(copy), "and mended");
        Files.writeString(copy, "cut short");
        try (Repository night = openCached(store)) {
            readAllTrees(night, w);
        }
        assertEquals(2, store.wholePackReads.get());
        assertEquals(List.of(), warnings);
    }

    @Test
    void aTreeDamagedOnTheStoreIsReportedAsWithoutACopyAndNothingBadIsKept() throws IOException {
        FarStore store = new FarStore(tmp.resolve("far"));
        Written w;
        BlobLocation damaged;
        try (Repository elsewhere = initFar(store)) {
            w = write(elsewhere, 60, 4);
            damaged = elsewhere.index().lookup(BlobType.TREE, w.trees().get(7));
        }
        Path packFile = tmp.resolve("far/data").resolve(damaged.pack().hex().substring(0, 2))
                .resolve(damaged.pack().hex());
        Damage.flipByte(packFile, damaged.offset() + damaged.length() / 2);
        try (Repository night = openCached(store)) {
            for (int i = 0; i < w.trees().size(); i++) {
                Id id = w.trees().get(i);
                if (i == 7) {
                    RepositoryException e = assertThrows(RepositoryException.class,
                            () -> night.loadBlob(BlobType.TREE, id));
                    assertTrue(e.getMessage().contains(id.toString()), e.getMessage());
                } else {
                    assertArrayEquals(w.plain().get(i), night.loadBlob(BlobType.TREE, id), "tree " + i);
                }
            }
            assertFalse(copyNames(night).contains(damaged.pack().hex()), "the damaged pack is not kept");
        }
    }

    @Test
    void copiesOfPacksTheIndexNoLongerListsAreRemovedWhenItIsRead() throws IOException {
        FarStore store = new FarStore(tmp.resolve("far"));
        Written w;
        Set<String> kept;
        String pruned = Id.hash("a pack pruned by another computer".getBytes(StandardCharsets.UTF_8)).hex();
        try (Repository first = initFar(store).cachedIn(tmp.resolve("cache"), warnings::add)) {
            w = write(first, 60, 5);
            kept = copyNames(first);
            Files.writeString(copies(first).resolve(pruned), "gone from the store");
            Files.writeString(copies(first).resolve(".tmp-123"), "left by a process stopped a minute ago");
        }
        try (Repository night = openCached(store)) {
            night.index();
            Set<String> after = copyNames(night);
            assertFalse(after.contains(pruned), after.toString());
            assertTrue(after.containsAll(kept), "the packs still listed stay: " + after);
            assertTrue(after.contains(".tmp-123"), "a copy being written by another command is left alone");
            readAllTrees(night, w);
        }
    }

    @Test
    void aRepositoryOnALocalDiskKeepsNoCopy() throws IOException {
        try (Repository disk = Repository.init(new LocalBackend(tmp.resolve("disk")), PASSWORD, 2, 0x3DA3358B4DC173L,
                Repository.KdfParams.TESTING).cachedIn(tmp.resolve("cache"), warnings::add)) {
            write(disk, 20, 6);
            assertFalse(Files.exists(tmp.resolve("cache")));
        }
    }
}
