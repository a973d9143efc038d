package org.hygie.repository.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.backend.LocalBackend;
import org.hygie.repository.error.Problem;
import org.hygie.repository.id.Id;
import org.hygie.repository.json.Json;
import org.hygie.repository.testing.Restic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocksTest {
    @TempDir
    Path tmp;
    Path repoDir;
    Repository repo;

    @BeforeEach
    void init() {
        repoDir = tmp.resolve("repo");
        repo = Repository.init(new LocalBackend(repoDir), "pw".getBytes(StandardCharsets.UTF_8), 2, 0x3DA3358B4DC173L,
                Repository.KdfParams.TESTING);
    }

    @Test
    void sharedLocksCoexistAndExclusiveWaitsForThem() {
        try (RepositoryLock a = Locks.acquire(repo, false); RepositoryLock b = Locks.acquire(repo, false)) {
            assertEquals(2, Locks.list(repo).size());
            LockedException e = assertThrows(LockedException.class, () -> Locks.acquire(repo, true));
            assertEquals(Problem.LOCKED, e.problem());
            assertTrue(e.getMessage().contains("PID " + ProcessHandle.current().pid()), e.getMessage());
            // the refused attempt left nothing behind
            assertEquals(2, Locks.list(repo).size());
        }
        assertEquals(0, Locks.list(repo).size());
        try (RepositoryLock x = Locks.acquire(repo, true)) {
            assertThrows(LockedException.class, () -> Locks.acquire(repo, false));
        }
    }

    /**
     * Taking a lock reads the other locks, twice (before writing ours and at the second look), but never reads back
     * its own: over the internet each read is a round trip or more.
     */
    @Test
    void theSecondLookReadsTheOtherLocksNotOurs() throws Exception {
        Id other = Locks.write(repo, false);
        List<String> read = new java.util.concurrent.CopyOnWriteArrayList<>();
        Repository counted = Repository.open(new org.hygie.repository.backend.FilterBackend(new LocalBackend(repoDir)) {
            @Override
            public byte[] load(FileType type, String name) throws java.io.IOException {
                if (type == FileType.LOCK) {
                    read.add(name);
                }
                return inner.load(type, name);
            }
        }, "pw".getBytes(StandardCharsets.UTF_8));
        for (boolean exclusive : new boolean[] {false, true}) {
            if (exclusive) {
                Locks.delete(repo, other);
            }
            read.clear();
            try (RepositoryLock lock = Locks.acquire(counted, exclusive, stale -> { }, 10)) {
                counted.saveUnpacked(FileType.SNAPSHOT, "{}".getBytes(StandardCharsets.UTF_8)); // after the second look
                assertTrue(!read.contains(lock.id().hex()), "our own lock read back: " + read);
                assertEquals(exclusive ? List.of() : List.of(other.hex(), other.hex()), read);
            }
        }
    }

    @Test
    void aSharedLocksSecondLookHoldsBackTheFirstWriteAndFindsALockTakenMeanwhile() {
        RepositoryLock shared = Locks.acquire(repo, false, stale -> { }, 2000);
        // A prune that listed the locks before ours was written takes its exclusive lock now, within the delay.
        Id prune = Locks.write(repo, true);
        assertEquals(List.of(), repo.list(FileType.SNAPSHOT), "reading goes on meanwhile");
        byte[] snapshot = "{}".getBytes(StandardCharsets.UTF_8);
        LockedException e = assertThrows(LockedException.class, () -> repo.saveUnpacked(FileType.SNAPSHOT, snapshot));
        assertTrue(e.getMessage().contains("exclusive lock"), e.getMessage());
        assertEquals(List.of(), repo.list(FileType.SNAPSHOT), "nothing was written");
        assertEquals(List.of(prune), repo.list(FileType.LOCK), "our lock is gone, the prune's stays");
        assertThrows(LockedException.class, shared::close, "closing says it too");
        assertThrows(LockedException.class, () -> repo.saveUnpacked(FileType.SNAPSHOT, snapshot), "and later writes");
    }

    @Test
    void withoutAConflictTheFirstWriteGoesAheadOnceTheSecondLookPassed() {
        try (RepositoryLock shared = Locks.acquire(repo, false, stale -> { }, 300)) {
            Id written = repo.saveUnpacked(FileType.SNAPSHOT, "{}".getBytes(StandardCharsets.UTF_8));
            assertEquals(List.of(written), repo.list(FileType.SNAPSHOT));
            assertEquals(List.of(shared.id()), repo.list(FileType.LOCK));
        }
        assertEquals(List.of(), repo.list(FileType.LOCK));
        try (RepositoryLock exclusive = Locks.acquire(repo, true)) {
            repo.saveUnpacked(FileType.SNAPSHOT, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(2, repo.list(FileType.SNAPSHOT).size());
    }

    @Test
    void refreshReplacesTheLockFile() {
        try (RepositoryLock l = Locks.acquire(repo, false)) {
            Id before = l.id();
            l.refresh();
            assertNotEquals(before, l.id());
            assertEquals(List.of(l.id()), repo.list(FileType.LOCK));
        }
    }

    @Test
    void staleLocksAreReportedAndIgnoredThenRemovedWhileFreshOnesStay() throws Exception {
        Id stale = repo.saveUnpacked(FileType.LOCK, Json.write(new LockJson("2020-01-01T00:00:00Z", true, "elsewhere",
                "someone", 12345, 0, 0)));
        // a lock of this host whose process is gone is stale too, however recent
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Id deadProcess = repo.saveUnpacked(FileType.LOCK, Json.write(new LockJson(
                java.time.OffsetDateTime.now().toString(), true, org.hygie.repository.host.Host.hostname(), "me",
                gone.pid(), 0, 0)));
        List<Id> reported = new java.util.ArrayList<>();
        try (RepositoryLock mine = Locks.acquire(repo, true, l -> reported.add(l.id()))) {
            assertEquals(java.util.Set.of(stale, deadProcess), java.util.Set.copyOf(reported));
        }
        Id fresh = Locks.write(repo, false);
        assertEquals(java.util.Set.of(stale, deadProcess), java.util.Set.copyOf(Locks.removeStale(repo)));
        assertEquals(List.of(fresh), repo.list(FileType.LOCK));
    }

    @Test
    void resticSeesOurLockAndItsSighupDoesNotKillUs() throws Exception {
        Restic restic = new Restic(repoDir, "pw");
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("a"), "a");
        try (RepositoryLock l = Locks.acquire(repo, true)) {
            Restic.Result r = restic.run(null, "backup", src.toString());
            assertNotEquals(0, r.exit());
            assertTrue(r.stderr().contains("locked"), r.stderr());
            // restic unlock probes our PID with SIGHUP; the lock is not stale, so it stays, and we survive.
            restic.ok("unlock");
            Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(ProcessHandle.current().pid())).start();
            assertEquals(0, kill.waitFor());
            Thread.sleep(300);
            assertEquals(List.of(l.id()), repo.list(FileType.LOCK));
        }
        restic.ok("backup", src.toString());
    }
}
