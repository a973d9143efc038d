package org.hygie.backup.prune;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.FilterBackend;
import org.hygie.repository.backend.FileType;

/**
 * A backend whose process "dies" at the n-th change: the n-th save or delete of a repository file (locks aside)
 * and every later one fail, as if the program had been killed there; reads go on working. Records the changes it
 * let through, in order.
 */
final class FailingBackend extends FilterBackend {
    private final int failAt;
    private int changes;
    private final List<String> log = new ArrayList<>();

    /** {@code failAt} = 1 fails the first change; {@link Integer#MAX_VALUE} never fails (to count changes). */
    FailingBackend(Backend inner, int failAt) {
        super(inner);
        this.failAt = failAt;
    }

    private synchronized void change(FileType type, String what) throws IOException {
        if (type == FileType.LOCK) {
            return;
        }
        changes++;
        if (changes >= failAt) {
            throw new IOException("injected failure at change " + changes + " (" + what + ")");
        }
        log.add(what);
    }

    synchronized List<String> log() {
        return List.copyOf(log);
    }

    @Override
    public void save(FileType type, String name, byte[] data, int length) throws IOException {
        change(type, "save " + type.folder() + "/" + name);
        inner.save(type, name, data, length);
    }

    @Override
    public void delete(FileType type, String name) throws IOException {
        change(type, "delete " + type.folder() + "/" + name);
        inner.delete(type, name);
    }
}
