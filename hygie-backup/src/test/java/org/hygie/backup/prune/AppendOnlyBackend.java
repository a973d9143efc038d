package org.hygie.backup.prune;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.FilterBackend;
import org.hygie.repository.backend.FileType;

/** Storage like rest-server {@code --append-only}: everything but deleting (locks excepted). */
public final class AppendOnlyBackend extends FilterBackend {
    public AppendOnlyBackend(Backend inner) {
        super(inner);
    }

    @Override
    public boolean deletionAllowed() {
        return false;
    }

    @Override
    public void delete(FileType type, String name) throws IOException {
        if (type != FileType.LOCK) {
            throw new AccessDeniedException(type.folder() + "/" + name + ": append-only");
        }
        inner.delete(type, name);
    }
}
