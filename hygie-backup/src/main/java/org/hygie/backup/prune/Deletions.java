package org.hygie.backup.prune;

import java.io.IOException;
import org.hygie.repository.Repository;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.lock.RepositoryLock;

/** The conditions for deleting anything: an exclusive lock still held, and storage that allows deletion. */
final class Deletions {
    private Deletions() {
    }

    static void requireExclusive(RepositoryLock lock) {
        if (lock == null || !lock.exclusive()) {
            throw new IllegalArgumentException("prune needs an exclusive lock on the repository");
        }
        if (lock.refreshFailure() != null) {
            throw new RepositoryException(Problem.LOCKED, lock.id().hex(), "the lock could not be refreshed: "
                    + lock.refreshFailure().getMessage() + "; stopping before deleting anything",
                    lock.refreshFailure());
        }
    }

    /** Fails with {@link Problem#APPEND_ONLY} when the storage refuses deletion (checked before any work). */
    static void requireAllowed(Repository repo) {
        boolean allowed;
        try {
            allowed = repo.backend().deletionAllowed();
        } catch (IOException e) {
            throw new RepositoryException(Problem.IO, repo.backend().location(),
                    "cannot tell whether the storage allows deletion: " + e.getMessage(), e);
        }
        if (!allowed) {
            throw new RepositoryException(Problem.APPEND_ONLY, repo.backend().location(),
                    "the storage is append-only: nothing can be pruned there");
        }
    }
}
