package org.hygie.repository.backend;

import java.io.IOException;
import java.util.List;

/**
 * Passes every call to another backend, closing included; a subclass overrides what it changes (the local copy of a
 * far repository's index, and tests that break calls).
 */
public class FilterBackend implements Backend {
    protected final Backend inner;

    public FilterBackend(Backend inner) {
        this.inner = inner;
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
    public void loadInto(FileType type, String name, long offset, byte[] dst, int dstOffset, int length)
            throws IOException {
        inner.loadInto(type, name, offset, dst, dstOffset, length);
    }

    @Override
    public long size(FileType type, String name) throws IOException {
        return inner.size(type, name);
    }

    @Override
    public void save(FileType type, String name, byte[] data, int length) throws IOException {
        inner.save(type, name, data, length);
    }

    @Override
    public void delete(FileType type, String name) throws IOException {
        inner.delete(type, name);
    }

    @Override
    public boolean deletionAllowed() throws IOException {
        return inner.deletionAllowed();
    }

    @Override
    public boolean overNetwork() {
        return inner.overNetwork();
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
