package org.hygie.repository;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.hygie.repository.backend.CountingBackend;
import org.hygie.repository.backend.FileType;
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

/** Trees read a run at a time: fewer reads, the same bytes, and damage still found blob by blob. */
class TreeRunsTest {
    private static final byte[] PASSWORD = "tree runs".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    private record Written(List<Id> trees, List<byte[]> plain) {
    }

    /** {@code count} trees of 200 B to 6 KiB (text, so some compress), between data blobs, in a new repository. */
    private Written write(Path dir, int count) {
        Random rnd = new Random(count);
        List<Id> ids = new ArrayList<>();
        List<byte[]> plain = new ArrayList<>();
        try (Repository repo = Repository.init(new LocalBackend(dir), PASSWORD, 2, 0x3DA3358B4DC173L,
                Repository.KdfParams.TESTING)) {
            RepositoryWriter w = new RepositoryWriter(repo, WriterOptions.defaults().withPackSizeMiB(4).withThreads(2));
            for (int i = 0; i < count; i++) {
                StringBuilder sb = new StringBuilder("{\"nodes\":[");
                int n = 200 + rnd.nextInt(6000);
                while (sb.length() < n) {
                    sb.append("{\"name\":\"f").append(rnd.nextLong()).append("\"},");
                }
                byte[] tree = sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
                Id id = Id.hash(tree);
                w.save(BlobType.TREE, id, tree);
                ids.add(id);
                plain.add(tree);
                byte[] data = new byte[1000 + rnd.nextInt(50_000)];
                rnd.nextBytes(data);
                w.save(BlobType.DATA, Id.hash(data), data);
            }
            w.close();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return new Written(ids, plain);
    }

    @Test
    void everyTreeReadsBackIdenticalWithOneReadPerRun() throws Exception {
        Path dir = tmp.resolve("repo");
        Written w = write(dir, 300);
        CountingBackend counting = new CountingBackend(new LocalBackend(dir));
        try (Repository repo = Repository.open(counting, PASSWORD)) {
            Set<Id> treePacks = new HashSet<>();
            long treeBytes = 0;
            for (Id id : w.trees()) {
                BlobLocation loc = repo.index().lookup(BlobType.TREE, id);
                treePacks.add(loc.pack());
                treeBytes += loc.length();
            }
            assertTrue(treeBytes < TreeRuns.MAX_RUN, "the trees fit in one run: " + treeBytes);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < w.trees().size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(7));
            for (int i : order) {
                assertArrayEquals(w.plain().get(i), repo.loadBlob(BlobType.TREE, w.trees().get(i)), "tree " + i);
            }
            assertEquals(treePacks.size(), counting.packReads.get(),
                    "one read per pack of trees, not one per tree (" + w.trees().size() + " trees)");
        }
    }

    /**
     * A night's few trees land in a pack of their own, so the parent snapshot of the 40th night has trees in 40
     * packs, and a walk goes from one to another and back: each pack is read once, not once per visit.
     */
    @Test
    void aWalkAcrossThePacksOfManyNightsReadsEachPackOnce() throws Exception {
        Path dir = tmp.resolve("repo");
        int nights = 40;
        List<List<Id>> trees = new ArrayList<>();
        Random rnd = new Random(5);
        try (Repository repo = Repository.init(new LocalBackend(dir), PASSWORD, 2, 0x3DA3358B4DC173L,
                Repository.KdfParams.TESTING)) {
            for (int night = 0; night < nights; night++) {
                RepositoryWriter w = new RepositoryWriter(repo, WriterOptions.defaults().withThreads(1));
                List<Id> ids = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    byte[] tree = ("{\"nodes\":[{\"name\":\"night " + night + " folder " + i + " "
                            + rnd.nextLong() + "\"}]}").getBytes(StandardCharsets.UTF_8);
                    Id id = Id.hash(tree);
                    w.save(BlobType.TREE, id, tree);
                    ids.add(id);
                }
                w.close();
                trees.add(ids);
            }
        }
        CountingBackend counting = new CountingBackend(new LocalBackend(dir));
        try (Repository repo = Repository.open(counting, PASSWORD)) {
            Set<Id> packs = new HashSet<>();
            for (List<Id> night : trees) {
                for (Id id : night) {
                    packs.add(repo.index().lookup(BlobType.TREE, id).pack());
                }
            }
            assertEquals(nights, packs.size(), "one pack of trees a night");
            for (int i = 0; i < 3; i++) {
                for (List<Id> night : trees) {
                    repo.loadBlob(BlobType.TREE, night.get(i));
                }
            }
            assertEquals(nights, counting.packReads.get(), "each pack read once");
        }
    }

    @Test
    void aDamagedTreeIsReportedAndItsNeighboursStillRead() throws Exception {
        Path dir = tmp.resolve("repo");
        Written w = write(dir, 40);
        BlobLocation damaged;
        try (Repository repo = Repository.open(new LocalBackend(dir), PASSWORD)) {
            damaged = repo.index().lookup(BlobType.TREE, w.trees().get(20));
        }
        flipByte(dir, damaged, damaged.length() / 2);
        try (Repository repo = Repository.open(new LocalBackend(dir), PASSWORD)) {
            for (int i = 0; i < w.trees().size(); i++) {
                Id id = w.trees().get(i);
                if (i == 20) {
                    RepositoryException e = assertThrows(RepositoryException.class,
                            () -> repo.loadBlob(BlobType.TREE, id));
                    assertTrue(e.getMessage().contains(id.toString()), e.getMessage());
                } else {
                    assertArrayEquals(w.plain().get(i), repo.loadBlob(BlobType.TREE, id), "tree " + i);
                }
            }
        }
    }

    @Test
    void aPackCutShortAfterATreeStillGivesThatTree() throws Exception {
        Path dir = tmp.resolve("repo");
        Written w = write(dir, 40);
        List<BlobLocation> inFirstPack = new ArrayList<>();
        try (Repository repo = Repository.open(new LocalBackend(dir), PASSWORD)) {
            Id pack = repo.index().lookup(BlobType.TREE, w.trees().get(0)).pack();
            for (Id id : w.trees()) {
                BlobLocation loc = repo.index().lookup(BlobType.TREE, id);
                if (loc.pack().equals(pack)) {
                    inFirstPack.add(loc);
                }
            }
        }
        inFirstPack.sort(Comparator.comparingLong(BlobLocation::offset));
        assertTrue(inFirstPack.size() > 2, "several trees share a pack");
        BlobLocation kept = inFirstPack.get(0);
        try (RandomAccessFile f = new RandomAccessFile(packFile(dir, kept.pack()).toFile(), "rw")) {
            f.setLength(kept.offset() + kept.length());
        }
        try (Repository repo = Repository.open(new LocalBackend(dir), PASSWORD)) {
            int first = w.trees().indexOf(kept.blob());
            assertArrayEquals(w.plain().get(first), repo.loadBlob(BlobType.TREE, kept.blob()));
            BlobLocation lost = inFirstPack.get(inFirstPack.size() - 1);
            assertThrows(RepositoryException.class, () -> repo.loadBlob(BlobType.TREE, lost.blob()));
        }
    }

    private static Path packFile(Path dir, Id pack) {
        return dir.resolve("data").resolve(pack.hex().substring(0, 2)).resolve(pack.hex());
    }

    private static void flipByte(Path dir, BlobLocation loc, int at) throws IOException {
        Damage.flipByte(packFile(dir, loc.pack()), loc.offset() + at);
    }
}
