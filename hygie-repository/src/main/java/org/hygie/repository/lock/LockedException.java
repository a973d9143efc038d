package org.hygie.repository.lock;

import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;

/** The repository is locked by someone else; says by whom . */
public final class LockedException extends RepositoryException {
    private static final long serialVersionUID = 1L;

    private final transient LockInfo holder;

    public LockedException(String location, LockInfo holder, String message) {
        super(Problem.LOCKED, location, "repository is already locked: " + message);
        this.holder = holder;
    }

    public LockInfo holder() {
        return holder;
    }
}
