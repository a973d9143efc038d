package org.hygie.repository.write;

import java.util.ArrayList;
import java.util.List;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.index.IndexFiles;

/**
 * Packs already stored but not yet listed in an index file, and the writing of those index files
 * (restic-format.md §8, §12: a pack is uploaded first, the index listing it afterwards). A file is written when
 * enough packs or blobs wait, or the oldest has waited long enough, and on {@link #writeAll}. One index file holds
 * at most {@link #MAX_BLOBS_PER_FILE} blobs. Thread-safe; index files are written one at a time.
 */
final class PendingIndex {
    /** restic 0.14 starts a new index file at 150 000 blobs (v2); smaller files load and rewrite more easily. */
    static final int MAX_BLOBS_PER_FILE = 50_000;

    private final Repository repo;
    private final WriterCounters counters;
    private final int everyPacks;
    private final long intervalNanos;
    private final Object writeLock = new Object();

    private final List<IndexFiles.PackRecord> waiting = new ArrayList<>();
    private int waitingBlobs;
    private long oldestNanos;

    PendingIndex(Repository repo, WriterCounters counters, int everyPacks, long intervalNanos) {
        this.repo = repo;
        this.counters = counters;
        this.everyPacks = everyPacks;
        this.intervalNanos = intervalNanos;
    }

    /** A pack that is now stored on the backend. */
    synchronized void add(IndexFiles.PackRecord pack) {
        if (waiting.isEmpty()) {
            oldestNanos = System.nanoTime();
        }
        waiting.add(pack);
        waitingBlobs += pack.entries().size();
    }

    synchronized int waitingPacks() {
        return waiting.size();
    }

    private synchronized boolean isDue() {
        return !waiting.isEmpty() && (waiting.size() >= everyPacks || waitingBlobs >= MAX_BLOBS_PER_FILE
                || System.nanoTime() - oldestNanos >= intervalNanos);
    }

    /** Writes an index file if one is due; see the class comment. */
    void writeIfDue() {
        synchronized (writeLock) {
            if (isDue()) {
                writeWaiting();
            }
        }
    }

    /** Writes index files for every pack stored so far. */
    void writeAll() {
        synchronized (writeLock) {
            writeWaiting();
        }
    }

    private void writeWaiting() {
        List<IndexFiles.PackRecord> batch = drain();
        int done = 0;
        try {
            while (done < batch.size()) {
                int end = done;
                int blobs = 0;
                while (end < batch.size() && (end == done
                        || blobs + batch.get(end).entries().size() <= MAX_BLOBS_PER_FILE)) {
                    blobs += batch.get(end).entries().size();
                    end++;
                }
                long t0 = System.nanoTime();
                repo.saveUnpacked(FileType.INDEX, IndexFiles.encode(batch.subList(done, end)));
                counters.indexNanos.add(System.nanoTime() - t0);
                counters.indexFiles.increment();
                done = end;
            }
        } finally {
            if (done < batch.size()) {
                putBack(batch.subList(done, batch.size()));
            }
        }
    }

    private synchronized List<IndexFiles.PackRecord> drain() {
        List<IndexFiles.PackRecord> out = new ArrayList<>(waiting);
        waiting.clear();
        waitingBlobs = 0;
        return out;
    }

    /** After a failed write: the packs wait again, to be tried by the next write. */
    private synchronized void putBack(List<IndexFiles.PackRecord> packs) {
        waiting.addAll(0, packs);
        for (IndexFiles.PackRecord p : packs) {
            waitingBlobs += p.entries().size();
        }
        oldestNanos = System.nanoTime() - intervalNanos;
    }
}
