package org.hygie.backup.prune;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.util.List;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.FileInfo;
import org.hygie.repository.backend.FileType;

/** Storage like rest-server {@code --append-only}: everything but deleting (locks excepted). */
public final class AppendOnlyBackend implements Backend {
    private final Backend inner;

    public AppendOnlyBackend(Backend inner) {
        this.inner = inner;
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

    @Override
    public String location() {
        return inner.location();
    }

    @Override
    public void create() throws IOException {
        inner.create();
    }

    @Override
    public boolean exists(FileType type, String name) throws IOException {
        return inner.exists(type, name);
    }

    @Override
    public List<FileInfo> list(FileType type) throws IOException {
        return inner.list(type);
    }

    @Override
    public byte[] load(FileType type, String name) throws IOException {
        return inner.load(type, name);
    }

    @Override
    public byte[] load(FileType type, String name, long offset, int length) throws IOException {
        return inner.load(type, name, offset, length);
    }

    @Override
    public long size(FileType type, String name) throws IOException {
        return inner.size(type, name);
    }

    @Override
    public void save(FileType type, String name, byte[] data) throws IOException {
        inner.save(type, name, data);
    }
}
