package org.hygie.practice.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hygie.practice.config.Medium;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.FilterBackend;
import org.hygie.repository.backend.Locations;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Preparing a medium opens its location (for a server, a connection): every backend it opens is closed once,
 * whether the repository is created, adopted, or refused.
 */
class InitialiserTest {
    private static final byte[] PASSWORD = "cheval agrafe batterie correcte".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    /** A real folder backend that counts how often it is closed. */
    static final class Counted extends FilterBackend {
        int closes;

        Counted(Backend inner) {
            super(inner);
        }

        @Override
        public void close() throws IOException {
            closes++;
            inner.close();
        }
    }

    final List<Counted> opened = new ArrayList<>();

    private Initialiser initialiser() {
        return new Initialiser(medium -> {
            Counted c = new Counted(Locations.open(medium.repo()));
            opened.add(c);
            return c;
        }, Repository.KdfParams.TESTING);
    }

    private Medium diskA() {
        return new Medium("disque-A", tmp.resolve("disque-A").toString(), null, false, null, null, 0);
    }

    private void allClosedOnce() {
        assertFalse(opened.isEmpty());
        opened.forEach(c -> assertEquals(1, c.closes, opened.size() + " backend(s) opened"));
    }

    @Test
    void aNewRepositoryIsCreatedAndEveryBackendClosed() {
        Initialiser.Prepared p = initialiser().prepare(diskA(), PASSWORD);
        assertTrue(p.created());
        allClosedOnce();
    }

    @Test
    void anExistingRepositoryIsAdoptedAndItsBackendClosed() {
        String id = initialiser().prepare(diskA(), PASSWORD).id();
        opened.clear();
        Initialiser.Prepared p = initialiser().prepare(diskA(), PASSWORD);
        assertFalse(p.created());
        assertEquals(id, p.id());
        allClosedOnce();
    }

    @Test
    void aRepositoryTheWrongPasswordCannotOpenIsRefusedAndItsBackendClosed() {
        initialiser().prepare(diskA(), PASSWORD);
        opened.clear();
        RepositoryException e = assertThrows(RepositoryException.class, () -> initialiser().prepare(
                diskA(), "pas le bon".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Problem.WRONG_PASSWORD, e.problem(), e.getMessage());
        allClosedOnce();
    }
}
