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

    public Prepared prepare(String location, byte[] password) {
        Backend b = backends.apply(location);
        try {
            try (Repository r = Repository.open(b, password)) {
                return new Prepared(r.config().id(), false);
            } catch (RepositoryException e) {
                if (e.problem() != Problem.NO_REPOSITORY) {
                    throw e;
                }
            }
            long poly = Polynomial.randomIrreducible(new SecureRandom()).value();
            try (Repository r = Repository.init(backends.apply(location), password, 2, poly, kdf)) {
                return new Prepared(r.config().id(), true);
            }
        } catch (IOException e) {
            throw new RepositoryException(Problem.IO, location, "cannot close " + location + ": " + e.getMessage(), e);
        }
    }
}
