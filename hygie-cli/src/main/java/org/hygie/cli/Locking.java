package org.hygie.cli;

import org.hygie.repository.Repository;
import org.hygie.repository.lock.LockInfo;
import org.hygie.repository.lock.Locks;
import org.hygie.repository.lock.RepositoryLock;

/** Takes a repository lock for a command, telling the user about stale locks it passes over. */
final class Locking {
    private Locking() {
    }

    static RepositoryLock lock(Repository r, boolean exclusive, HygieCommand root) {
        return Locks.acquire(r, exclusive, (LockInfo l) -> root.terminal().warn(root.messages().get("lock.stale",
                l.lock().pid(), l.lock().hostname(), l.lock().time())));
    }
}
