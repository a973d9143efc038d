package org.hygie.backup.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hygie.backup.check.CheckListener;
import org.hygie.backup.check.CheckReport;
import org.hygie.backup.check.Checker;
import org.hygie.backup.check.Finding;
import org.hygie.backup.check.ReadData;
import org.hygie.backup.forget.ForgetListener;
import org.hygie.backup.forget.ForgetOptions;
import org.hygie.backup.forget.ForgetPlan;
import org.hygie.backup.forget.ForgetPolicy;
import org.hygie.backup.forget.Forgetter;
import org.hygie.backup.testing.HandmadeRepo;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.backend.LocalBackend;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.id.Id;
import org.hygie.repository.index.IndexFiles;
import org.hygie.repository.pack.PackEntry;
import org.hygie.repository.lock.Locks;
import org.hygie.repository.lock.RepositoryLock;
import org.hygie.repository.pack.BlobType;
import org.hygie.repository.testing.Restic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** forget then prune on real backups: smaller, healthy for Hygie and restic, the kept snapshots intact. */
class PrunerTest {
    @TempDir
    static Path shared;
    static Generations gens;

    @TempDir
    Path tmp;

    @BeforeAll
    static void backups() throws Exception {
        gens = Generations.make(shared, 5, 7);
    }

    static PruneOptions options() {
        return PruneOptions.defaults().withWriter(Generations.WRITER);
    }

    /** Forgets all but the last two generations; returns the ids forgotten. */
    static List<Id> forgetOld(Repository r) {
        try (RepositoryLock lock = Locks.acquire(r, true)) {
            Forgetter f = new Forgetter(r, Clock.systemUTC(), ZoneOffset.UTC);
            ForgetPlan plan = f.plan(ForgetOptions.of(ForgetPolicy.builder().keepLast(2).build()));
            return f.execute(plan, lock, ForgetListener.NONE).removed();
        }
    }

    static PruneResult prune(Repository r, PruneOptions o) {
        try (RepositoryLock lock = Locks.acquire(r, true)) {
            Pruner p = new Pruner(r, o);
            return p.execute(p.plan(Set.of(), PruneListener.NONE), lock, PruneListener.NONE);
        }
    }

    static void assertHealthy(Path repoDir) {
        try (Repository r = Generations.open(repoDir)) {
            CheckReport report = new Checker(r, ReadData.ALL, CheckListener.NONE).run();
            assertTrue(report.healthy(), report.findings().toString());
            assertTrue(report.findings().stream().noneMatch(f -> f.kind() == Finding.Kind.PACK_NOT_IN_INDEX
                    || f.kind() == Finding.Kind.PACK_IN_SEVERAL_INDEXES), report.findings().toString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void forget_then_prune_frees_space_and_every_kept_snapshot_restores_identical() throws Exception {
        Path dir = gens.copyRepo(tmp.resolve("repo"));
        long before = Generations.packBytes(dir);
        PruneResult result;
        try (Repository r = Generations.open(dir)) {
            assertEquals(3, forgetOld(r).size());
            result = prune(r, options());
        }
        long after = Generations.packBytes(dir);
        assertEquals(before, result.packBytesBefore());
        assertEquals(after, result.packBytesAfter());
        assertTrue(after < before * 0.8, "pack bytes " + before + " → " + after);
        assertTrue(result.packsDeleted() > 0 && result.packsWritten() > 0, result.toString());
        assertHealthy(dir);
        new Restic(dir, Generations.PASSWORD).ok("check", "--read-data");
        gens.assertRestoresIdentical(dir, 3, tmp.resolve("t3"));
        gens.assertRestoresIdentical(dir, 4, tmp.resolve("t4"));
        // restic restores the same
        Path byRestic = tmp.resolve("by-restic");
        new Restic(dir, Generations.PASSWORD).ok("restore", gens.snapshots.get(4).hex(), "--target",
                byRestic.toString());
        org.hygie.backup.testing.TreeAssert.assertSameTree(gens.expected.get(4),
                byRestic.resolve(gens.source.toString().substring(1)));

        // a second prune finds nothing more to do
        try (Repository r = Generations.open(dir)) {
            PrunePlan again = new Pruner(r, options()).plan(Set.of(), PruneListener.NONE);
            assertTrue(again.isEmpty(), again.stats().toString());
        }
    }

    @Test
    void a_dry_run_plans_without_changing_a_byte() throws Exception {
        Path dir = gens.copyRepo(tmp.resolve("repo"));
        try (Repository r = Generations.open(dir)) {
            forgetOld(r);
        }
        List<String> before = listing(dir);
        try (Repository r = Generations.open(dir); RepositoryLock lock = Locks.acquire(r, true)) {
            PrunePlan plan = new Pruner(r, options()).plan(Set.of(), PruneListener.NONE);
            assertFalse(plan.isEmpty());
            assertTrue(plan.stats().pruneBytes() > 0, plan.stats().toString());
            assertEquals(plan.stats().packs().remove(), plan.removePacks().size());
            assertEquals(plan.stats().packs().repack(), plan.repackPacks().size());
        }
        List<String> after = listing(dir);
        after.removeIf(s -> s.startsWith("locks/"));
        before.removeIf(s -> s.startsWith("locks/"));
        assertEquals(before, after);
    }

    @Test
    void nothing_forgotten_means_nothing_pruned() throws Exception {
        Path dir = gens.copyRepo(tmp.resolve("repo"));
        try (Repository r = Generations.open(dir); RepositoryLock lock = Locks.acquire(r, true)) {
            PrunePlan plan = new Pruner(r, options()).plan(Set.of(), PruneListener.NONE);
            assertEquals(0, plan.stats().removeBlobs() + plan.stats().repackRemovedBlobs(), plan.stats().toString());
            assertTrue(plan.removePacks().isEmpty());
        }
    }

    @Test
    void max_unused_decides_how_much_is_repacked() throws Exception {
        Path dir = gens.copyRepo(tmp.resolve("repo"));
        try (Repository r = Generations.open(dir)) {
            forgetOld(r);
            Pruner unlimited = new Pruner(r, options().withMaxUnused(MaxUnused.parse("unlimited")));
            PrunePlan lazy = unlimited.plan(Set.of(), PruneListener.NONE);
            Pruner strict = new Pruner(r, options().withMaxUnused(MaxUnused.parse("0%")));
            PrunePlan thorough = strict.plan(Set.of(), PruneListener.NONE);
            assertTrue(lazy.repackPacks().stream().allMatch(p -> !isDataPack(lazy, p)),
                    "with no limit only tree packs are repacked");
            assertTrue(thorough.repackPacks().size() > lazy.repackPacks().size());
            assertEquals(lazy.removePacks(), thorough.removePacks());
            assertEquals(0, thorough.stats().unusedAfter(), thorough.stats().toString());
            try (RepositoryLock lock = Locks.acquire(r, true)) {
                strict.execute(thorough, lock, PruneListener.NONE);
            }
        }
        assertHealthy(dir);
        try (Repository r = Generations.open(dir); RepositoryLock lock = Locks.acquire(r, true)) {
            PrunePlan after = new Pruner(r, options().withMaxUnused(MaxUnused.parse("0%"))).plan(Set.of(),
                    PruneListener.NONE);
            assertEquals(0, after.stats().unusedBlobs() + after.stats().duplicateBlobs(), after.stats().toString());
        }
        gens.assertRestoresIdentical(dir, 3, tmp.resolve("t3"));
    }

    private static boolean isDataPack(PrunePlan plan, Id pack) {
        return plan.indexed().get(pack).stream().allMatch(e -> e.type() == BlobType.DATA);
    }

    @Test
    void uncompressed_trees_are_repacked_compressed_and_unindexed_packs_are_removed() throws Exception {
        Path dir = tmp.resolve("hand");
        try (Repository r = Repository.init(new LocalBackend(dir), Generations.PASSWORD.getBytes(
                java.nio.charset.StandardCharsets.UTF_8), 2, 0x3DA3358B4DC173L, Repository.KdfParams.TESTING)) {
            HandmadeRepo hand = new HandmadeRepo(r);
            Id data = hand.data("compte rendu");
            Id sub = hand.tree(HandmadeRepo.nodes(HandmadeRepo.file("cr.txt", data)));
            Id root = hand.tree(HandmadeRepo.nodes(HandmadeRepo.dir("src", sub)));
            hand.snapshot(root);
            byte[] junk = "not a pack at all, left by someone".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            r.backend().save(FileType.PACK, Id.hash(junk).hex(), junk);
            PruneResult res = prune(r, options());
            assertEquals(3, res.packsDeleted(), "two tree packs repacked, one stray file: " + res);
        }
        try (Repository r = Generations.open(dir)) {
            CheckReport report = new Checker(r, ReadData.ALL, CheckListener.NONE).run();
            assertTrue(report.healthy() && report.findings().isEmpty(), report.findings().toString());
            int trees = 0;
            for (Id indexId : r.list(FileType.INDEX)) {
                for (IndexFiles.PackRecord p : IndexFiles.parse(r.loadUnpacked(FileType.INDEX, indexId))) {
                    for (PackEntry e : p.entries()) {
                        if (e.type() == BlobType.TREE) {
                            trees++;
                            assertTrue(e.compressed(), "tree " + e.id() + " is compressed now");
                        }
                    }
                }
            }
            assertEquals(2, trees);
        }
        new Restic(dir, Generations.PASSWORD).ok("check", "--read-data");
    }

    @Test
    void append_only_storage_is_refused_before_any_work() throws Exception {
        Path dir = gens.copyRepo(tmp.resolve("repo"));
        List<String> before = listing(dir);
        try (Repository r = Generations.open(new AppendOnlyBackend(new LocalBackend(dir)))) {
            RepositoryException e = assertThrows(RepositoryException.class,
                    () -> new Pruner(r, options()).plan(Set.of(), PruneListener.NONE));
            assertEquals(Problem.APPEND_ONLY, e.problem());
            RepositoryException f = assertThrows(RepositoryException.class, () -> new Forgetter(r).plan(
                    ForgetOptions.of(ForgetPolicy.builder().keepLast(1).build())));
            assertEquals(Problem.APPEND_ONLY, f.problem());
        }
        assertEquals(before, listing(dir));
    }

    @Test
    void a_repository_missing_used_data_is_not_pruned() throws Exception {
        Path dir = gens.copyRepo(tmp.resolve("repo"));
        Id lost;
        try (Repository r = Generations.open(dir)) {
            forgetOld(r);
            Id tree = Id.parse(r.loadSnapshot(gens.snapshots.get(4)).tree());
            lost = r.index().lookup(BlobType.TREE, tree).pack();
        }
        try (Stream<Path> s = Files.walk(dir.resolve("data"))) {
            Files.delete(s.filter(p -> p.getFileName().toString().equals(lost.hex())).findFirst().orElseThrow());
        }
        List<String> before = listing(dir);
        try (Repository r = Generations.open(dir); RepositoryLock lock = Locks.acquire(r, true)) {
            RepositoryException e = assertThrows(RepositoryException.class,
                    () -> new Pruner(r, options()).plan(Set.of(), PruneListener.NONE));
            assertEquals(Problem.CORRUPTED, e.problem());
        }
        List<String> after = listing(dir);
        after.removeIf(x -> x.startsWith("locks/"));
        before.removeIf(x -> x.startsWith("locks/"));
        assertEquals(before, after, "nothing changed");
    }

    @Test
    void a_blob_that_does_not_decode_while_repacking_stops_prune_before_anything_is_deleted() throws Exception {
        Path dir = gens.copyRepo(tmp.resolve("repo"));
        try (Repository r = Generations.open(dir)) {
            forgetOld(r);
        }
        List<String> before = listing(dir);
        try (Repository r = Generations.open(dir); RepositoryLock lock = Locks.acquire(r, true)) {
            Pruner p = new Pruner(r, options().withMaxUnused(MaxUnused.parse("0%")));
            PrunePlan plan = p.plan(Set.of(), PruneListener.NONE);
            Id pack = plan.repackPacks().iterator().next();
            PackEntry victim = plan.indexed().get(pack).stream()
                    .filter(e -> plan.keepBlobs().contains(new BlobRef(e.type(), e.id()))).findFirst().orElseThrow();
            Path file;
            try (Stream<Path> s = Files.walk(dir.resolve("data"))) {
                file = s.filter(x -> x.getFileName().toString().equals(pack.hex())).findFirst().orElseThrow();
            }
            byte[] bytes = Files.readAllBytes(file);
            bytes[(int) victim.offset() + 20] ^= 0x55;
            Files.write(file, bytes);
            RepositoryException e = assertThrows(RepositoryException.class,
                    () -> p.execute(plan, lock, PruneListener.NONE));
            assertEquals(Problem.CORRUPTED, e.problem());
        }
        List<String> after = listing(dir);
        assertTrue(after.containsAll(before.stream().filter(x -> !x.startsWith("locks/")).toList()),
                "no pack and no index file was deleted");
    }

    @Test
    void save_duplicate_stores_a_blob_the_index_already_has() throws Exception {
        Path dir = gens.copyRepo(tmp.resolve("repo"));
        try (Repository r = Generations.open(dir)) {
            Id tree = Id.parse(r.loadSnapshot(gens.snapshots.get(0)).tree());
            byte[] plain = r.loadBlob(BlobType.TREE, tree);
            Id oldPack = r.index().lookup(BlobType.TREE, tree).pack();
            long packs = r.list(FileType.PACK).size();
            try (org.hygie.repository.write.RepositoryWriter w = new org.hygie.repository.write.RepositoryWriter(r,
                    Generations.WRITER)) {
                assertFalse(w.save(BlobType.TREE, tree, plain), "known: not stored again");
                assertTrue(w.saveDuplicate(BlobType.TREE, tree, plain), "stored again on request");
                assertFalse(w.saveDuplicate(BlobType.TREE, tree, plain), "but once per writer");
            }
            assertEquals(packs + 1, r.list(FileType.PACK).size());
            Set<Id> holders = new java.util.HashSet<>();
            PackInventory.read(r).packs().forEach((pack, entries) -> entries.stream()
                    .filter(e -> e.id().equals(tree)).forEach(e -> holders.add(pack)));
            assertEquals(2, holders.size());
            assertTrue(holders.contains(oldPack));
        }
    }

    @Test
    void a_shared_lock_is_not_enough() throws Exception {
        Path dir = gens.copyRepo(tmp.resolve("repo"));
        try (Repository r = Generations.open(dir); RepositoryLock lock = Locks.acquire(r, false)) {
            Pruner p = new Pruner(r, options());
            PrunePlan plan = p.plan(Set.of(), PruneListener.NONE);
            assertThrows(IllegalArgumentException.class, () -> p.execute(plan, lock, PruneListener.NONE));
        }
    }

    static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return new java.util.ArrayList<>(s.filter(Files::isRegularFile).map(p -> {
                String rel = dir.relativize(p).toString();
                return rel.startsWith("data/") ? "data/" + p.getFileName() : rel;
            }).sorted().toList());
        }
    }
}
