package org.hygie.repository.lock;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.concurrent.Parallel;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.host.Host;
import org.hygie.repository.id.Id;
import org.hygie.repository.json.Json;

/**
 * Takes, refreshes and removes locks as restic does (restic-format.md §11): list, fail on a conflict,
 * write ours, wait 200 ms, list again. For a shared lock the command does not sit out the 200 ms: it reads
 * meanwhile, and its first write (and the lock's closing) waits for the second look to have passed. A stale lock
 * (not refreshed for 30 minutes, or whose process on this host is gone) does not block, as in restic since 0.15;
 * it is reported to the caller, and {@link #removeStale} clears stale ones.
 */
public final class Locks {
    static final long RECHECK_MILLIS = 200;
    /** Lock files read at once. */
    private static final int LOADS = 4;

    private Locks() {
    }

    /** Every lock that loads; files that do not decrypt or parse are ignored, as restic 0.14 does. */
    public static List<LockInfo> list(Repository repo) {
        return others(repo, null);
    }

    /**
     * Every lock that loads but {@code ours}, which this process wrote and need not read back, a few at once: over
     * the internet each read is a round trip or more.
     */
    private static List<LockInfo> others(Repository repo, Id ours) {
        List<Id> ids = new ArrayList<>(repo.list(FileType.LOCK));
        ids.remove(ours);
        List<LockInfo> loaded;
        try {
            loaded = Parallel.map(ids, LOADS, "hygie-lock-read", id -> {
                try {
                    return new LockInfo(id, Json.read(repo.loadUnpacked(FileType.LOCK, id), LockJson.class));
                } catch (IOException | RepositoryException e) {
                    return null; // vanished or unreadable: restic 0.14 skips such lock files too
                }
            });
        } catch (IOException e) {
            throw new RepositoryException(Problem.IO, repo.backend().location(), "interrupted while reading locks",
                    e);
        }
        List<LockInfo> out = new ArrayList<>();
        for (LockInfo l : loaded) {
            if (l != null) {
                out.add(l);
            }
        }
        return out;
    }

    /** Takes a lock, or throws {@link Problem#LOCKED} naming the holder. */
    public static RepositoryLock acquire(Repository repo, boolean exclusive) {
        return acquire(repo, exclusive, stale -> { });
    }

    /** Takes a lock; stale locks in the way are given to {@code onStale} and ignored. */
    public static RepositoryLock acquire(Repository repo, boolean exclusive,
            java.util.function.Consumer<LockInfo> onStale) {
        return acquire(repo, exclusive, onStale, RECHECK_MILLIS);
    }

    static RepositoryLock acquire(Repository repo, boolean exclusive, java.util.function.Consumer<LockInfo> onStale,
            long recheckMillis) {
        SighupGuard.install();
        List<LockInfo> present = list(repo);
        Instant now = Instant.now();
        for (LockInfo l : present) {
            if (l.conflictsWith(exclusive) && l.isStale(now)) {
                onStale.accept(l);
            }
        }
        checkConflicts(repo, present, exclusive, null);
        Id ours = write(repo, exclusive);
        if (!exclusive) {
            // The second look is taken 200 ms later on the lock's own thread, while the command reads; the
            // repository holds back its writes until it has passed (Repository#awaitWriteGate), and closing
            // the lock waits for it too, so nothing is committed and no success is reported before it.
            RepositoryLock lock = new RepositoryLock(repo, ours, false);
            lock.recheckAfter(recheckMillis, () -> checkConflicts(repo, others(repo, ours), false, ours));
            repo.setWriteGate(lock::confirm);
            return lock;
        }
        repo.setWriteGate(null);
        try {
            Thread.sleep(recheckMillis);
            checkConflicts(repo, others(repo, ours), exclusive, ours);
        } catch (RuntimeException e) {
            delete(repo, ours);
            throw e;
        } catch (InterruptedException e) {
            delete(repo, ours);
            Thread.currentThread().interrupt();
            throw new RepositoryException(Problem.LOCKED, repo.backend().location(), "interrupted while locking", e);
        }
        return new RepositoryLock(repo, ours, exclusive);
    }

    /** Removes the locks that are stale; returns their ids. */
    public static List<Id> removeStale(Repository repo) {
        List<Id> removed = new ArrayList<>();
        Instant now = Instant.now();
        for (LockInfo l : list(repo)) {
            if (l.isStale(now)) {
                delete(repo, l.id());
                removed.add(l.id());
            }
        }
        return removed;
    }

    private static void checkConflicts(Repository repo, List<LockInfo> locks, boolean exclusive, Id ours) {
        Instant now = Instant.now();
        for (LockInfo l : locks) {
            if (l.id().equals(ours) || !l.conflictsWith(exclusive) || l.isStale(now)) {
                continue;
            }
            LockJson j = l.lock();
            throw new LockedException(repo.backend().location(), l,
                    (j.exclusive() ? "exclusive" : "shared") + " lock held by PID " + j.pid() + " on " + j.hostname()
                            + " (" + j.username() + ") since " + j.time());
        }
    }

    static Id write(Repository repo, boolean exclusive) {
        LockJson j = new LockJson(OffsetDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), exclusive,
                Host.hostname(), Host.username(), Host.pid(), Host.uid(), Host.gid());
        return repo.saveUnpacked(FileType.LOCK, Json.write(j));
    }

    static void delete(Repository repo, Id id) {
        try {
            repo.backend().delete(FileType.LOCK, id.hex());
        } catch (IOException e) {
            throw new RepositoryException(Problem.IO, "locks/" + id, "cannot remove lock: " + e.getMessage(), e);
        }
    }
}
