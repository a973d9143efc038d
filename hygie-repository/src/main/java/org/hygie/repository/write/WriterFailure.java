package org.hygie.repository.write;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;

/**
 * The first error any thread of a writer met. Once set, the writer is stopped: every later call throws it again,
 * as a {@link RepositoryException} made for the caller's thread (the original is its cause).
 */
final class WriterFailure {
    private final String location;
    private final AtomicReference<Throwable> first = new AtomicReference<>();

    WriterFailure(String location) {
        this.location = location;
    }

    /** Records {@code t} unless an earlier error was recorded; returns true when {@code t} is the first. */
    boolean record(Throwable t) {
        return first.compareAndSet(null, t);
    }

    boolean failed() {
        return first.get() != null;
    }

    /** Throws when an error was recorded. */
    void check() {
        Throwable t = first.get();
        if (t != null) {
            throw toException(t);
        }
    }

    private RepositoryException toException(Throwable t) {
        if (t instanceof RepositoryException re) {
            return new RepositoryException(re.problem(), re.subject(), "the repository writer stopped: "
                    + re.getMessage(), re);
        }
        String why = t instanceof IOException ? t.getMessage() : t.toString();
        return new RepositoryException(Problem.IO, location, "the repository writer stopped: " + why, t);
    }

    /** For waits that were interrupted. */
    static RepositoryException interrupted(String location, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new RepositoryException(Problem.IO, location, "interrupted while writing to the repository", e);
    }
}
