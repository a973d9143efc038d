package org.hygie.backup.forget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.id.Id;
import org.hygie.repository.lock.Locks;
import org.hygie.repository.lock.RepositoryLock;
import org.hygie.repository.testing.Restic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForgetterTest {
    @TempDir
    Path tmp;

    private static final Instant NOW = Instant.parse("2025-01-10T00:00:00Z");

    /** A snapshot every 23 days from 1999 to 2024. */
    private static SnapshotSets.Set decades() {
        List<SnapshotSets.Spec> s = new ArrayList<>();
        for (LocalDate d = LocalDate.of(1999, 1, 3); d.isBefore(LocalDate.of(2025, 1, 1)); d = d.plusDays(23)) {
            s.add(new SnapshotSets.Spec(d + "T02:30:00Z", "cabinet", List.of("/dossiers"), List.of()));
        }
        return new SnapshotSets.Set("decades", "UTC", s);
    }

    private static Set<Integer> years(List<Repository.SnapshotEntry> l) {
        return l.stream().map(e -> e.snapshot().instant().getYear()).collect(Collectors.toSet());
    }

    @Test
    void the_legal_hold_keeps_the_yearly_of_every_year_inside_the_retention() {
        List<Repository.SnapshotEntry> all = SnapshotSets.entries(decades());
        ForgetOptions daily = ForgetOptions.of(ForgetPolicy.builder().keepDaily(7).build());
        ForgetPlan plain = Forgetter.plan(all, daily, NOW, ZoneOffset.UTC);
        assertEquals(7, plain.groups().get(0).keep().size());

        ForgetPlan held = Forgetter.plan(all, daily.withLegalHold(new LegalHold(KeepDuration.parse("20y"))), NOW,
                ZoneOffset.UTC);
        ForgetGroup g = held.groups().get(0);
        // the newest snapshot is in late December 2024: the yearlies newer than 20 years before it are held
        Instant limit = all.get(all.size() - 1).snapshot().instant().minusYears(20).toInstant();
        Set<Integer> expected = new HashSet<>();
        for (int y = 1999; y <= 2024; y++) {
            int year = y;
            Repository.SnapshotEntry newest = all.stream().filter(e -> e.snapshot().instant().getYear() == year)
                    .reduce((x, z) -> z).orElseThrow();
            if (newest.snapshot().instant().toInstant().isAfter(limit)) {
                expected.add(y);
            }
        }
        assertTrue(expected.size() >= 20 && expected.size() <= 21, expected.toString());
        assertEquals(expected, years(g.keep()));
        for (Repository.SnapshotEntry e : held.held()) {
            int y = e.snapshot().instant().getYear();
            assertTrue(all.stream().noneMatch(o -> o.snapshot().instant().getYear() == y
                    && o.snapshot().instant().isAfter(e.snapshot().instant())), "the newest of its year");
        }
        assertEquals(plain.toRemove().size() - held.held().size(), held.toRemove().size());
        assertTrue(g.reasons().stream().anyMatch(r -> r.matches().equals(List.of("legal yearly within 20y"))));
        // newest first, as restic orders keeps
        for (int i = 1; i < g.keep().size(); i++) {
            assertTrue(g.keep().get(i - 1).snapshot().instant().isAfter(g.keep().get(i).snapshot().instant()));
        }
    }

    @Test
    void the_legal_hold_also_protects_snapshots_named_by_id() {
        List<Repository.SnapshotEntry> all = SnapshotSets.entries(decades());
        Repository.SnapshotEntry last2010 = all.stream().filter(e -> e.snapshot().instant().getYear() == 2010)
                .reduce((a, b) -> b).orElseThrow();
        Repository.SnapshotEntry first2010 = all.stream().filter(e -> e.snapshot().instant().getYear() == 2010)
                .findFirst().orElseThrow();
        ForgetOptions o = ForgetOptions.of(ForgetPolicy.none()).withSnapshots(List.of(last2010.id().hex(),
                first2010.id().shortHex())).withLegalHold(new LegalHold(KeepDuration.parse("48y")));
        ForgetPlan p = Forgetter.plan(all, o, NOW, ZoneOffset.UTC);
        assertEquals(List.of(first2010.id()), p.toRemove());
        assertEquals(List.of(last2010), p.held());
    }

    @Test
    void named_snapshots_go_whatever_the_policy_and_unknown_names_stop_everything() {
        List<Repository.SnapshotEntry> all = SnapshotSets.entries(decades());
        ForgetOptions latest = ForgetOptions.of(ForgetPolicy.builder().keepLast(100).build())
                .withSnapshots(List.of("latest", all.get(0).id().hex()));
        assertEquals(List.of(all.get(all.size() - 1).id(), all.get(0).id()),
                Forgetter.plan(all, latest, NOW, ZoneOffset.UTC).toRemove());
        RepositoryException e = assertThrows(RepositoryException.class, () -> Forgetter.plan(all,
                ForgetOptions.of(ForgetPolicy.none()).withSnapshots(List.of("latest", "ffffffff")), NOW,
                ZoneOffset.UTC));
        assertEquals(Problem.NOT_FOUND, e.problem());
    }

    @Test
    void an_empty_policy_removes_nothing() {
        ForgetPlan p = Forgetter.plan(SnapshotSets.entries(decades()), ForgetOptions.of(ForgetPolicy.none()), NOW,
                ZoneOffset.UTC);
        assertTrue(p.policyEmpty());
        assertEquals(List.of(), p.toRemove());
    }

    @Test
    void negative_counts_are_refused_because_restic_0_14_would_remove_everything() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> ForgetPolicy.builder().keepDaily(-1).build());
        assertThrows(IllegalArgumentException.class, () -> ForgetPolicy.builder()
                .keepWithin(KeepDuration.parse("-1d")).build());
        // what restic 0.14 does with -1: a non-empty policy that keeps nothing
        Path dir = tmp.resolve("r");
        SnapshotSets.Set set = decades();
        SnapshotSets.write(dir, set).close();
        var json = ResticForget.dryRun(dir, SnapshotSets.PASSWORD, "UTC", List.of("--keep-daily", "-1"));
        assertEquals(0, json.get(0).path("keep").size());
        assertEquals(set.specs().size(), json.get(0).get("remove").size());
    }

    @Test
    void execute_deletes_snapshot_files_only_under_an_exclusive_lock_and_restic_agrees() throws Exception {
        try (Repository repo = SnapshotSets.write(tmp.resolve("r"), decades())) {
            Forgetter f = new Forgetter(repo, Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC);
            ForgetPlan plan = f.plan(ForgetOptions.of(ForgetPolicy.builder().keepYearly(3).keepMonthly(2).build()));
            try (RepositoryLock shared = Locks.acquire(repo, false)) {
                assertThrows(IllegalArgumentException.class, () -> f.execute(plan, shared, ForgetListener.NONE));
            }
            List<Id> seen = new ArrayList<>();
            try (RepositoryLock lock = Locks.acquire(repo, true)) {
                ForgetResult r = f.execute(plan, lock, new ForgetListener() {
                    @Override
                    public void removed(Id id, int done, int total) {
                        seen.add(id);
                    }
                });
                assertEquals(plan.toRemove(), r.removed());
            }
            assertEquals(plan.toRemove(), seen);
            List<Id> left = repo.list(FileType.SNAPSHOT);
            assertEquals(4, left.size(), "3 yearlies, of which the newest is also a monthly, and one more monthly");
            String listed = new Restic(tmp.resolve("r"), SnapshotSets.PASSWORD).ok("snapshots", "--json").out();
            for (Id id : left) {
                assertTrue(listed.contains(id.hex()));
            }
        }
    }
}
