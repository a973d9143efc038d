package org.hygie.web.restore;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.hygie.repository.Repository;

/**
 * Keeps each medium's repository open for a short while, so that browsing a snapshot does not derive the key at
 * every click; after {@code ttl} it is opened again (and so sees the nightly duty's new snapshots and indexes).
 */
public final class RepositoryPool implements AutoCloseable {
    private final Repositories repositories;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> open = new HashMap<>();

    private record Entry(Repository repo, Instant openedAt) {
    }

    public RepositoryPool(Repositories repositories, Duration ttl, Clock clock) {
        this.repositories = repositories;
        this.ttl = ttl;
        this.clock = clock;
    }

    public Repositories repositories() {
        return repositories;
    }

    /** The medium's repository, opened now or recently. Not to be closed by the caller. */
    public synchronized Repository get(String name) {
        if (!repositories.names().contains(name)) {
            throw new IllegalArgumentException("unknown medium " + name);
        }
        Entry e = open.get(name);
        Instant now = clock.instant();
        if (e != null && now.isBefore(e.openedAt().plus(ttl))) {
            return e.repo();
        }
        // The old one is left to the garbage collector: a restore may still be reading from it.
        Repository r = repositories.open(name);
        open.put(name, new Entry(r, now));
        return r;
    }

    @Override
    public synchronized void close() {
        for (Entry e : open.values()) {
            try {
                e.repo().close();
            } catch (IOException ignored) {
                // closing a read-only repository: nothing to lose
            }
        }
        open.clear();
    }
}
