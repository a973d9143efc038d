package org.hygie.practice.setup;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.function.Function;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.chunker.Polynomial;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;

/**
 * Prepares a medium's repository: creates it (restic format v2, its own chunker polynomial), or adopts the one
 * already there when the password opens it. Returns the repository id that will recognise the medium.
 */
public final class Initialiser {
    private final Function<String, Backend> backends;
    private final Repository.KdfParams kdf;

    public Initialiser(Function<String, Backend> backends, Repository.KdfParams kdf) {
        this.backends = backends;
        this.kdf = kdf;
    }

    /**
     * @param id      the repository id
     * @param created true when it was created now, false when an existing repository was adopted
     */
    public record Prepared(String id, boolean created) {
    }

    /**
     * Opens {@code location} once (for a server, one connection) and closes it on every path: the repository the
     * password opens is adopted, else a new one is created there; a wrong password or an unreadable location is
     * thrown. The repositories opened on the backend are not closed apart: closing a repository only closes its
     * backend.
     */
    public Prepared prepare(String location, byte[] password) {
        try (Backend b = backends.apply(location)) {
            String existing = existingId(b, password);
            if (existing != null) {
                return new Prepared(existing, false);
            }
            long poly = Polynomial.randomIrreducible(new SecureRandom()).value();
            return new Prepared(Repository.init(b, password, 2, poly, kdf).config().id(), true);
        } catch (IOException e) {
            throw new RepositoryException(Problem.IO, location, "cannot close " + location + ": " + e.getMessage(), e);
        }
    }

    /** The id of the repository on {@code b} that the password opens, or null when there is no repository. */
    private static String existingId(Backend b, byte[] password) {
        try {
            return Repository.open(b, password).config().id();
        } catch (RepositoryException e) {
            if (e.problem() != Problem.NO_REPOSITORY) {
                throw e;
            }
            return null;
        }
    }
}
