package org.hygie.repository.write;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.FilterBackend;
import org.hygie.repository.backend.FileType;

/**
 * A backend that passes everything to another one, records the order of saves, and can be made to fail:
 * after {@code packsBeforeFailure} pack saves, every save throws "No space left on device" (a full disk, or a
 * process that died: nothing is written any more). Pack saves can also be held until {@link #releaseSaves}.
 */
final class FaultyBackend extends FilterBackend {
    static final String DISK_FULL = "No space left on device";

    private volatile int packsBeforeFailure = Integer.MAX_VALUE;
    private final AtomicInteger packsSaved = new AtomicInteger();
    private final List<String> saves = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch hold;
    private volatile long delayMillis;

    FaultyBackend(Backend inner) {
        super(inner);
    }

    /** From now on, fail every save once {@code n} more packs were stored. */
    FaultyBackend failAfterPacks(int n) {
        packsBeforeFailure = packsSaved.get() + n;
        return this;
    }

    /** Pack saves wait until {@link #releaseSaves}. */
    FaultyBackend holdSaves() {
        hold = new CountDownLatch(1);
        return this;
    }

    void releaseSaves() {
        hold.countDown();
    }

    /** Each pack save sleeps this long (a slow disk or network). */
    FaultyBackend slow(long millis) {
        delayMillis = millis;
        return this;
    }

    /** "data/<id>" and "index/<id>" in the order they were stored. */
    List<String> saves() {
        return List.copyOf(saves);
    }

    int packsSaved() {
        return packsSaved.get();
    }

    @Override
    public void save(FileType type, String name, byte[] data, int length) throws IOException {
        if (type == FileType.PACK) {
            CountDownLatch h = hold;
            try {
                if (h != null) {
                    h.await(60, TimeUnit.SECONDS);
                }
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        synchronized (this) {
            if (packsSaved.get() >= packsBeforeFailure) {
                throw new IOException(DISK_FULL);
            }
            inner.save(type, name, data, length);
            if (type == FileType.PACK) {
                packsSaved.incrementAndGet();
            }
            saves.add(type.folder() + "/" + name);
        }
    }
}
