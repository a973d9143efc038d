package org.hygie.backup.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.hygie.backup.testing.SourceTrees;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.LocalBackend;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.lock.Locks;
import org.hygie.repository.lock.RepositoryLock;
import org.hygie.repository.testing.Fixtures;
import org.hygie.repository.testing.Restic;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * restic's own test repositories (version 1: mixed packs, duplicates, obsolete indexes, stray or missing packs):
 * Hygie's prune succeeds exactly where restic 0.14's does, and what it leaves passes {@code restic check
 * --read-data}, with no hint that restic's own prune would not leave too, and restores as before.
 */
class PruneFixturesTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"small-repo.tar.gz", "repo-mixed.tar.gz", "repo-duplicates.tar.gz",
        "repo-obsolete-index.tar.gz", "repo-unreferenced-data.tar.gz", "repo-same-timestamps.tar.gz",
        "repo-restore-permissions-test.tar.gz", "duplicate-packs-in-index-test-repo.tar.gz",
        "repo-data-missing.tar.gz", "repo-index-missing.tar.gz", "repo-index-missing-blob.tar.gz",
        "repo-unused-data-missing.tar.gz"})
    void prunesWhereResticPrunes(String fixture) throws Exception {
        Path original = Files.createDirectories(tmp.resolve("original"));
        Path repo = Fixtures.unpack(fixture, original);
        Path byRestic = tmp.resolve("by-restic");
        Path byHygie = tmp.resolve("by-hygie");
        SourceTrees.sh("cp", "-a", repo.toString(), byRestic.toString());
        SourceTrees.sh("cp", "-a", repo.toString(), byHygie.toString());
        Restic.Result restic = new Restic(byRestic, Fixtures.PASSWORD).run(null, "prune");
        String hygieError = null;
        try (Repository r = Repository.open(new LocalBackend(byHygie), Fixtures.PASSWORD.getBytes(
                StandardCharsets.UTF_8)); RepositoryLock lock = Locks.acquire(r, true)) {
            Pruner p = new Pruner(r, PruneOptions.defaults());
            p.execute(p.plan(Set.of(), PruneListener.NONE), lock, PruneListener.NONE);
        } catch (RepositoryException e) {
            hygieError = e.problem() + ": " + e.getMessage();
        }
        assertEquals(restic.exit() == 0, hygieError == null, "restic: " + restic.exit() + " " + restic.stderr()
                + "\nHygie: " + hygieError);
        if (hygieError != null) {
            assertEquals(PruneFixturesTest.listing(repo), PruneFixturesTest.listing(byHygie), "nothing touched");
            return;
        }
        Restic check = new Restic(byHygie, Fixtures.PASSWORD);
        String ours = check.ok("check", "--read-data").out();
        String theirs = new Restic(byRestic, Fixtures.PASSWORD).ok("check", "--read-data").out();
        for (String hint : new String[] {"several indexes", "mix of tree and data", "not referenced"}) {
            assertTrue(!ours.contains(hint) || theirs.contains(hint), "no hint restic's prune would not leave too:\n"
                    + ours);
        }
        Restic.Result snaps = check.ok("snapshots", "--json");
        if (!snaps.out().strip().equals("[]")) {
            Path a = tmp.resolve("restore-original");
            Path b = tmp.resolve("restore-pruned");
            new Restic(repo, Fixtures.PASSWORD).ok("restore", "latest", "--target", a.toString());
            check.ok("restore", "latest", "--target", b.toString());
            assertEquals(listing(a), listing(b));
            SourceTrees.sh("diff", "-r", "--no-dereference", a.toString(), b.toString());
        }
    }

    static java.util.List<String> listing(Path dir) throws java.io.IOException {
        try (var s = Files.walk(dir)) {
            return s.filter(p -> !p.toString().contains("/locks/")).map(p -> dir.relativize(p).toString()).sorted()
                    .toList();
        }
    }
}
