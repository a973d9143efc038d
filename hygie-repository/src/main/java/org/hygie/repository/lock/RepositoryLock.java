package org.hygie.repository.lock;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hygie.repository.Repository;
import org.hygie.repository.concurrent.Parallel;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.id.Id;

/**
 * A lock this process holds. Refreshed every 5 minutes (a new lock file, then the old one removed, as
 * restic does) until {@link #close()}.
 */
public final class RepositoryLock implements AutoCloseable {
    static final long REFRESH_MINUTES = 5;

    private final Repository repo;
    private final boolean exclusive;
    private final ScheduledExecutorService refresher;
    private volatile Id current;
    private volatile RepositoryException refreshFailure;

    RepositoryLock(Repository repo, Id id, boolean exclusive) {
        this.repo = repo;
        this.current = id;
        this.exclusive = exclusive;
        this.refresher = Executors.newSingleThreadScheduledExecutor(Parallel.daemons("hygie-lock-refresh"));
        refresher.scheduleAtFixedRate(this::refresh, REFRESH_MINUTES, REFRESH_MINUTES, TimeUnit.MINUTES);
        // Interrupted with Ctrl-C or killed with SIGTERM, the lock goes too (a kill -9 leaves it, to go stale).
        this.releaseOnExit = new Thread(this::releaseQuietly, "hygie-lock-release");
        Runtime.getRuntime().addShutdownHook(releaseOnExit);
    }

    private final Thread releaseOnExit;
    private boolean released;

    private synchronized void releaseQuietly() {
        if (!released) {
            released = true;
            refresher.shutdownNow();
            try {
                Locks.delete(repo, current);
            } catch (RepositoryException e) {
                // exiting: a lock left behind goes stale and is then ignored
                return;
            }
        }
    }

    private Future<?> recheck;
    private RepositoryException recheckFailure;
    private boolean confirmed;

    /** Runs {@code check} on the lock's thread after {@code millis}: the second look for conflicting locks. */
    synchronized void recheckAfter(long millis, Runnable check) {
        recheck = refresher.schedule(check, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Waits for the second look at the other locks, if one is pending; when it found a conflicting lock, removes this
     * lock and throws that conflict ({@link LockedException}), the same each time it is asked.
     */
    public void confirm() {
        Future<?> pending;
        synchronized (this) {
            if (confirmed) {
                if (recheckFailure != null) {
                    throw recheckFailure;
                }
                return;
            }
            pending = recheck;
        }
        RepositoryException failure = null;
        if (pending != null) {
            try {
                pending.get();
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof RepositoryException r ? r
                        : new RepositoryException(Problem.LOCKED, repo.backend().location(),
                                "cannot check the other locks: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new RepositoryException(Problem.LOCKED,
                        repo.backend().location(), "interrupted while locking", e);
            }
        }
        synchronized (this) {
            confirmed = true;
            recheckFailure = failure;
        }
        if (failure != null) {
            releaseQuietly();
            throw failure;
        }
    }

    /** Writes a fresh lock file and removes the previous one. */
    public synchronized void refresh() {
        try {
            Id old = current;
            current = Locks.write(repo, exclusive);
            Locks.delete(repo, old);
        } catch (RepositoryException e) {
            refreshFailure = e;
        }
    }

    public Id id() {
        return current;
    }

    public boolean exclusive() {
        return exclusive;
    }

    /** The last refresh failure, if any: a caller doing long work should stop when the lock is no longer held. */
    public RepositoryException refreshFailure() {
        return refreshFailure;
    }

    /** Releases the lock; if the second look at the other locks found a conflict, throws it (after releasing). */
    @Override
    public void close() {
        try {
            confirm();
        } finally {
            release();
        }
    }

    private synchronized void release() {
        if (released) {
            return;
        }
        released = true;
        refresher.shutdownNow();
        try {
            Runtime.getRuntime().removeShutdownHook(releaseOnExit);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs or ran; deleting below is idempotent
        }
        Locks.delete(repo, current);
    }
}
