package org.hygie.backup.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hygie.backup.check.CheckListener;
import org.hygie.backup.check.CheckReport;
import org.hygie.backup.check.Checker;
import org.hygie.backup.check.ReadData;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.LocalBackend;
import org.hygie.repository.lock.Locks;
import org.hygie.repository.lock.RepositoryLock;
import org.hygie.repository.testing.Restic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A prune stopped at every single change it makes to storage (each pack, index file and deletion in turn): the
 * repository stays healthy for Hygie's check with read-data and for restic, and the kept snapshots restore
 * identical; a second prune then finishes the work.
 */
class PruneInterruptedTest {
    @TempDir
    static Path shared;
    static Generations gens;
    static Path afterForget;

    @TempDir
    Path tmp;

    @BeforeAll
    static void backupsThenForget() throws Exception {
        gens = Generations.make(shared, 5, 23);
        afterForget = gens.repo;
        try (Repository r = Generations.open(afterForget)) {
            PrunerTest.forgetOld(r);
        }
    }

    private static void prune(Repository r) {
        try (RepositoryLock lock = Locks.acquire(r, true)) {
            Pruner p = new Pruner(r, PrunerTest.options().withMaxUnused(MaxUnused.parse("0%")));
            p.execute(p.plan(Set.of(), PruneListener.NONE), lock, PruneListener.NONE);
        }
    }

    @Test
    void a_prune_stopped_at_any_change_loses_nothing() throws Exception {
        Path counted = gens.copyRepo(tmp.resolve("counted"));
        FailingBackend counter = new FailingBackend(new LocalBackend(counted), Integer.MAX_VALUE);
        try (Repository r = Generations.open(counter)) {
            prune(r);
        }
        List<String> changes = counter.log();
        assertTrue(changes.size() >= 10, changes.toString());
        assertOrder(changes);

        for (int n = 1; n <= changes.size(); n++) {
            Path dir = gens.copyRepo(tmp.resolve("stop-" + n));
            FailingBackend stopping = new FailingBackend(new LocalBackend(dir), n);
            try (Repository r = Generations.open(stopping)) {
                prune(r);
                // packs are read in parallel, so the blobs reach the writer in a varying order and a run may
                // need a pack fewer than the counted one: finishing is right only when it made fewer changes
                assertTrue(stopping.log().size() < n, "stopped at change " + n + " but went on: " + stopping.log());
            } catch (RuntimeException stopped) {
                assertTrue(causedByInjection(stopped, n), "stopped at change " + n + " by something else: " + stopped);
                assertEquals(n - 1, stopping.log().size(), "stopped at change " + n + ": " + stopped);
            }
            String when = "stopped before " + changes.get(n - 1);
            try (Repository r = Generations.open(dir)) {
                CheckReport report = new Checker(r, ReadData.ALL, CheckListener.NONE).run();
                assertTrue(report.healthy(), when + ": " + report.findings());
                assertEquals(2, report.snapshots(), when);
            }
            if (n % 3 == 0 || n == changes.size()) {
                new Restic(dir, Generations.PASSWORD).ok("check", "--read-data", "--no-lock");
                gens.assertRestoresIdentical(dir, 3, tmp.resolve("t3-" + n));
                gens.assertRestoresIdentical(dir, 4, tmp.resolve("t4-" + n));
            }
            if (n % 4 == 0 || n == changes.size()) {
                try (Repository r = Generations.open(dir)) {
                    prune(r);
                }
                PrunerTest.assertHealthy(dir);
                assertTrue(Generations.packBytes(dir) <= Generations.packBytes(counted) * 1.05,
                        when + ": the second prune finishes the work");
            }
        }
    }

    private static boolean causedByInjection(Throwable t, int n) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (String.valueOf(c.getMessage()).contains("injected failure at change " + n + " ")) {
                return true;
            }
        }
        return false;
    }

    /** New packs, then index files, then index deletions, then pack deletions. */
    private static void assertOrder(List<String> changes) {
        List<String> phases = new ArrayList<>();
        for (String c : changes) {
            String phase = c.substring(0, c.indexOf('/'));
            if (phases.isEmpty() || !phases.get(phases.size() - 1).equals(phase)) {
                phases.add(phase);
            }
        }
        // the writer may write an index file between its packs
        List<String> squeezed = new ArrayList<>();
        for (String p : phases) {
            if (!squeezed.contains(p)) {
                squeezed.add(p);
            }
        }
        assertEquals(List.of("save data", "save index", "delete index", "delete data"), squeezed, changes.toString());
        int lastSave = -1;
        int firstDelete = Integer.MAX_VALUE;
        for (int i = 0; i < changes.size(); i++) {
            if (changes.get(i).startsWith("save")) {
                lastSave = i;
            } else {
                firstDelete = Math.min(firstDelete, i);
            }
        }
        assertTrue(lastSave < firstDelete, "nothing is deleted before everything is written: " + changes);
        int firstPackDelete = changes.indexOf(changes.stream().filter(c -> c.startsWith("delete data")).findFirst()
                .orElseThrow());
        assertTrue(changes.subList(firstPackDelete, changes.size()).stream().allMatch(c -> c.startsWith(
                "delete data")), "packs go last: " + changes);
    }
}
