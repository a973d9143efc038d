package org.hygie.repository.backend;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/** Passes every call on and counts the reads: ranged and whole reads of packs, whole reads of index files. */
public class CountingBackend extends FilterBackend {
    public final AtomicInteger packReads = new AtomicInteger();
    public final AtomicInteger wholePackReads = new AtomicInteger();
    public final AtomicInteger indexReads = new AtomicInteger();

    public CountingBackend(Backend inner) {
        super(inner);
    }

    @Override
    public byte[] load(FileType type, String name) throws IOException {
        if (type == FileType.INDEX) {
            indexReads.incrementAndGet();
        } else if (type == FileType.PACK) {
            wholePackReads.incrementAndGet();
        }
        return inner.load(type, name);
    }

    @Override
    public byte[] load(FileType type, String name, long offset, int length) throws IOException {
        if (type == FileType.PACK) {
            packReads.incrementAndGet();
        }
        return inner.load(type, name, offset, length);
    }
}
