package org.hygie.practice.setup;

import java.io.IOException;
import java.security.SecureRandom;
import org.hygie.practice.config.Medium;
import org.hygie.practice.media.MediumOpener;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.Locations;
import org.hygie.repository.chunker.Polynomial;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;

/**
 * Prepares a medium's repository: creates it (restic format v2, its own chunker polynomial), or adopts the one
 * already there when the password opens it. Returns the repository id that will recognise the medium.
 */
public final class Initialiser {
    private final MediumOpener backends;
    private final Repository.KdfParams kdf;

    public Initialiser(MediumOpener backends, Repository.KdfParams kdf) {
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
     * Opens {@code medium}'s storage once (for a server, one connection, with its options and credentials) and
     * closes it on every path: the repository the password opens is adopted, else a new one is created there; a
     * wrong password or an unreadable location is thrown. The repositories opened on the backend are not closed
     * apart: closing a repository only closes its backend.
     */
    public Prepared prepare(Medium medium, byte[] password) {
        String location = Locations.redact(medium.repo());
        try (Backend b = backends.open(medium)) {
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
