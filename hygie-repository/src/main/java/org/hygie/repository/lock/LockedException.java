package org.hygie.repository.lock;

import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;

/** The repository is locked by someone else; says by whom and whether that lock is stale. */
public final class LockedException extends RepositoryException {
    private static final long serialVersionUID = 1L;

    private final transient LockInfo holder;
    private final boolean stale;

    public LockedException(String location, LockInfo holder, String message, boolean stale) {
        super(Problem.LOCKED, location, "repository is already locked: " + message);
        this.holder = holder;
        this.stale = stale;
    }

    public LockInfo holder() {
        return holder;
    }

    public boolean stale() {
        return stale;
    }
}
