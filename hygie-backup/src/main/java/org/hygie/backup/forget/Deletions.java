package org.hygie.backup.forget;

import java.io.IOException;
import org.hygie.repository.Repository;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.lock.RepositoryLock;

/** The two conditions for deleting anything: an exclusive lock, and storage that allows deletion. */
final class Deletions {
    private Deletions() {
    }

    static void requireExclusive(RepositoryLock lock) {
        if (lock == null || !lock.exclusive()) {
            throw new IllegalArgumentException("deleting snapshots needs an exclusive lock on the repository");
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
                    "the storage is append-only: snapshots cannot be forgotten there");
        }
    }
}
