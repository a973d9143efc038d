package org.hygie.backup.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.LocalBackend;
import org.hygie.repository.id.Id;
import org.hygie.repository.lock.Locks;
import org.hygie.repository.lock.RepositoryLock;
import org.hygie.repository.testing.Restic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On the same repository with the same options, restic 0.14's {@code prune --dry-run -v} and Hygie's plan repack and
 * delete the same packs and count the same blobs.
 */
class PruneResticAgreementTest {
    @TempDir
    static Path shared;
    static Path repo;

    @BeforeAll
    static void backupsThenForget() throws Exception {
        Generations g = Generations.make(shared, 5, 11);
        repo = g.repo;
        try (Repository r = Generations.open(repo)) {
            PrunerTest.forgetOld(r);
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "--max-unused 0%", "--max-unused 10%", "--max-unused 50%", "--max-unused unlimited",
        "--max-unused 2M", "--max-repack-size 3M", "--repack-small", "--repack-cacheable-only",
        "--repack-uncompressed", "--max-unused 0% --repack-small"})
    void hygiePlansWhatResticPlans(String flags) {
        compare(repo, flags);
    }

    /**
     * After a prune stopped just before its first deletion, the blobs it rewrote have two copies: restic and Hygie
     * count the same used, duplicate and unused blobs.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "--max-unused 0%", "--max-unused unlimited"})
    void withDuplicatesLeftByAnInterruptedPrune(String flags) throws Exception {
        Path dir = interrupted();
        // Which copy of a duplicated blob counts as used depends, in restic, on its index's map order (it varies
        // from run to run); the counts do not
        String out = new Restic(dir, Generations.PASSWORD).ok(args(flags).toArray(String[]::new)).out();
        PrunePlan plan;
        try (Repository r = Generations.open(dir); RepositoryLock lock = Locks.acquire(r, true)) {
            plan = new Pruner(r, options(flags)).plan(Set.of(), PruneListener.NONE);
        }
        PruneStats s = plan.stats();
        assertTrue(s.duplicateBlobs() > 0, s.toString());
        assertEquals(blobs(out, "used:") + " " + blobs(out, "duplicates:") + " " + blobs(out, "unused:"),
                s.usedBlobs() + " " + s.duplicateBlobs() + " " + s.unusedBlobs(), out);
        // Hygie gives the copies to the new packs: the old ones go whole, nothing is repacked a second time
        assertEquals(Set.of(), plan.repackPacks(), s.toString());
        assertEquals(s.usedBlobs(), s.remainingBlobs(), s.toString());
    }

    private static synchronized Path interrupted() throws Exception {
        Path dir = shared.resolve("interrupted");
        if (java.nio.file.Files.exists(dir)) {
            return dir;
        }
        Path probe = shared.resolve("probe");
        org.hygie.backup.testing.SourceTrees.sh("cp", "-a", repo.toString(), probe.toString());
        org.hygie.backup.testing.SourceTrees.sh("cp", "-a", repo.toString(), dir.toString());
        FailingBackend count = new FailingBackend(new LocalBackend(probe), Integer.MAX_VALUE);
        try (Repository r = Generations.open(count); RepositoryLock lock = Locks.acquire(r, true)) {
            Pruner p = new Pruner(r, PrunerTest.options().withMaxUnused(MaxUnused.parse("0%")));
            p.execute(p.plan(Set.of(), PruneListener.NONE), lock, PruneListener.NONE);
        }
        int firstDelete = 1 + count.log().indexOf(count.log().stream().filter(c -> c.startsWith("delete"))
                .findFirst().orElseThrow());
        try (Repository r = Generations.open(new FailingBackend(new LocalBackend(dir), firstDelete));
                RepositoryLock lock = Locks.acquire(r, true)) {
            Pruner p = new Pruner(r, PrunerTest.options().withMaxUnused(MaxUnused.parse("0%")));
            PrunePlan plan = p.plan(Set.of(), PruneListener.NONE);
            assertThrows(RuntimeException.class, () -> p.execute(plan, lock, PruneListener.NONE));
        }
        return dir;
    }

    private static List<String> args(String flags) {
        List<String> args = new ArrayList<>(List.of("prune", "--dry-run", "-v", "--pack-size", "4"));
        if (!flags.isEmpty()) {
            args.addAll(List.of(flags.split(" ")));
        }
        return args;
    }

    private static PruneOptions options(String flags) {
        PruneOptions o = PrunerTest.options();
        String[] f = flags.isEmpty() ? new String[0] : flags.split(" ");
        for (int i = 0; i < f.length; i++) {
            switch (f[i]) {
                case "--max-unused" -> o = o.withMaxUnused(MaxUnused.parse(f[++i]));
                case "--max-repack-size" -> o = o.withMaxRepackBytes(MaxUnused.parseSize(f[++i]));
                case "--repack-small" -> o = o.withRepackSmall(true);
                case "--repack-cacheable-only" -> o = o.withRepackCacheableOnly(true);
                case "--repack-uncompressed" -> o = o.withRepackUncompressed(true);
                default -> throw new IllegalArgumentException(f[i]);
            }
        }
        return o;
    }

    private static void compare(Path repo, String flags) {
        List<String> args = args(flags);
        PruneOptions o = options(flags);
        String out = new Restic(repo, Generations.PASSWORD).ok(args.toArray(String[]::new)).out();
        PrunePlan plan;
        try (Repository r = Generations.open(repo); RepositoryLock lock = Locks.acquire(r, true)) {
            plan = new Pruner(r, o).plan(Set.of(), PruneListener.NONE);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        PruneStats s = plan.stats();
        String ours = "used " + s.usedBlobs() + "\nduplicates " + s.duplicateBlobs() + "\nunused " + s.unusedBlobs()
                + "\nrepack " + s.repackBlobs()
                + "\nthis removes " + s.repackRemovedBlobs() + "\ndelete " + s.removeBlobs() + "\ntotal prune "
                + s.pruneBlobs() + "\nremaining " + s.remainingBlobs() + "\nkeep packs " + s.packs().keep()
                + "\nrepack packs " + s.packs().repack() + "\ndelete packs " + s.packs().remove()
                + "\nrepacked " + shortIds(plan.repackPacks()) + "\nremoved " + shortIds(plan.removePacks());
        String theirs = "used " + blobs(out, "used:") + "\nduplicates " + (out.contains("duplicates:")
                ? blobs(out, "duplicates:") : 0) + "\nunused " + blobs(out, "unused:") + "\nrepack "
                + blobs(out, "to repack:") + "\nthis removes " + blobs(out, "this removes:") + "\ndelete "
                + blobs(out, "to delete:") + "\ntotal prune " + blobs(out, "total prune:") + "\nremaining "
                + blobs(out, "remaining:") + "\nkeep packs " + packs(out, "to keep:") + "\nrepack packs "
                + packs(out, "to repack:") + "\ndelete packs " + packs(out, "to delete:") + "\nrepacked "
                + set(out, "Would have repacked and removed the following packs:") + "\nremoved "
                + set(out, "Would have removed the following no longer used packs:");
        assertEquals(theirs, ours, out);
        assertTrue(s.removeBlobs() + s.repackRemovedBlobs() > 0 || flags.contains("unlimited")
                || flags.contains("cacheable"), ours);
    }

    private static long blobs(String out, String label) {
        return number(out, Pattern.quote(label) + "\\s+(\\d+) blobs");
    }

    private static long packs(String out, String label) {
        return number(out, Pattern.quote(label) + "\\s+(\\d+) packs");
    }

    private static long number(String out, String regex) {
        Matcher m = Pattern.compile("(?m)^" + regex).matcher(out);
        if (!m.find()) {
            throw new AssertionError("restic did not print " + regex + ":\n" + out);
        }
        return Long.parseLong(m.group(1));
    }

    private static Set<String> set(String out, String label) {
        int at = out.indexOf(label);
        if (at < 0) {
            throw new AssertionError("restic did not print " + label + ":\n" + out);
        }
        String line = out.substring(at + label.length()).strip().lines().findFirst().orElse("{}");
        Set<String> ids = new TreeSet<>();
        for (String s : line.replace("{", "").replace("}", "").split(" ")) {
            if (!s.isBlank()) {
                ids.add(s);
            }
        }
        return ids;
    }

    private static Set<String> shortIds(Set<Id> ids) {
        Set<String> out = new TreeSet<>();
        ids.forEach(i -> out.add(i.shortHex()));
        return out;
    }
}
