package org.hygie.repository.write;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.cache.WriteMarks;
import org.hygie.repository.crypto.CryptoKey;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.id.Id;
import org.hygie.repository.index.BlobIndex;
import org.hygie.repository.index.IndexFiles;
import org.hygie.repository.pack.BlobType;
import org.hygie.repository.pack.PackEntry;

/**
 * Saves blobs into a repository: deduplicates, compresses, encrypts, packs by type, uploads packs, then writes
 * index files for the packs stored (restic-format.md §7, §8, §12).
 *
 * <p>{@link #save} may be called from many threads at once. It returns quickly: the blob is queued for the
 * worker threads, which compress, encrypt and verify in parallel and append it to the open pack of its type
 * (a short critical section). A full pack goes to an upload thread, which writes its header, names it by its
 * SHA-256 and stores it; its blobs then enter the repository's {@link BlobIndex} and the pending index, from which
 * an index file is written every few packs or seconds and at {@link #flush}. {@code save} blocks while too many
 * bytes are in flight ({@link WriterOptions#maxBytesInFlight}).
 *
 * <p>Errors of the worker and upload threads stop the writer: the next {@code save}, and {@code flush} and
 * {@code close}, throw a {@link RepositoryException} ({@link Problem#IO} for storage errors). Packs stored before
 * the error are still indexed if the backend allows it.
 *
 * <p>The writer takes no repository lock; its caller holds a (non-exclusive) one, as for a restic backup.
 */
public final class RepositoryWriter implements Closeable {
    /** The largest blob accepted. restic's chunker makes at most 8 MiB; trees of huge folders are larger. */
    public static final int MAX_BLOB_SIZE = 1 << 30;

    private final Repository repo;
    private final WriterOptions options;
    private final CryptoKey key;
    /** The repository's index, taken at first use: a backup lists the snapshots while it loads. */
    private volatile BlobIndex index;
    private final BlobEncoder encoder;
    private final ByteBudget budget;
    private final long maxCharge;
    private final WriterCounters counters = new WriterCounters();
    private final WriterFailure failure;
    private final PendingIndex pendingIndex;
    private final PackBuffers buffers;
    private final PlainBuffers plainBuffers;
    /** Blobs accepted by {@link #save} and not yet in {@link #index}: the writer's share of deduplication. */
    private final Set<BlobKey> inFlight = ConcurrentHashMap.newKeySet();

    private final Object packLock = new Object();
    /** Guarded by {@link #packLock}. */
    private final Map<BlobType, OpenPack> open = new EnumMap<>(BlobType.class);

    private final ExecutorService workers;
    private final ExecutorService uploaders;
    private final ScheduledExecutorService timer;
    private final WorkTracker encoding = new WorkTracker();
    private final WorkTracker uploading = new WorkTracker();
    /** Says, in a far repository's local folder, that this writer may leave packs without index until it closes. */
    private final WriteMarks.Mark mark;
    private volatile boolean closed;

    /**
     * Starts the writer's threads. The repository's index is taken when first needed (the first blob saved), so that
     * the caller may have it loaded meanwhile ({@link Repository#loadIndexInBackground}).
     */
    public RepositoryWriter(Repository repo, WriterOptions options) {
        this.repo = Objects.requireNonNull(repo);
        this.options = Objects.requireNonNull(options);
        this.key = repo.key();
        this.failure = new WriterFailure(repo.backend().location());
        this.encoder = new BlobEncoder(key, repo.config().supportsCompression(), options.compression(),
                options.verify(), counters);
        this.budget = new ByteBudget(options.effectiveMaxBytesInFlight());
        // Open packs hold less than one pack size each: anything up to this charge always fits eventually.
        this.maxCharge = budget.limit() - 2L * options.packSize();
        long interval = options.indexInterval().toNanos();
        this.pendingIndex = new PendingIndex(repo, counters, options.indexEveryPacks(), interval);
        this.mark = WriteMarks.begin(repo.backend());
        // every pack the budget lets be in flight, plus the open ones: the buffers a backup in its stride uses
        int packsInFlight = (int) Math.min(64, budget.limit() / options.packSize() + BlobType.values().length);
        this.buffers = new PackBuffers(options.packSize(), packsInFlight);
        this.plainBuffers = new PlainBuffers(budget.limit());
        for (BlobType t : BlobType.values()) {
            open.put(t, new OpenPack(t, buffers));
        }
        this.workers = WriterThreads.pool("hygie-writer-encode", options.threads());
        this.uploaders = WriterThreads.pool("hygie-writer-upload", options.uploadThreads());
        this.timer = WriterThreads.timer("hygie-writer-index");
        long tick = Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(interval / 4, TimeUnit.SECONDS.toNanos(5)));
        timer.scheduleWithFixedDelay(this::indexOnTimer, tick, tick, TimeUnit.NANOSECONDS);
    }

    public WriterOptions options() {
        return options;
    }

    /**
     * Saves a blob whose id (SHA-256 of {@code plaintext}) the caller computed. Returns false, doing nothing,
     * when the repository or this writer already has it; true when it was accepted, in which case it is stored
     * and indexed by the next {@link #flush} at the latest. The array is handed over: do not change it afterwards.
     * Thread-safe; blocks while too many bytes are in flight.
     *
     * @throws RepositoryException when the writer stopped on an error (see the class comment)
     * @throws IllegalStateException after {@link #close}
     */
    public boolean save(BlobType type, Id id, byte[] plaintext) {
        return save(type, id, plaintext, 0, plaintext.length, false, true);
    }

    /**
     * Like {@link #save}, but stores the blob even when the repository's index already lists it (restic's
     * {@code storeDuplicate}): prune rewrites the blobs it keeps from packs it is about to delete. Blobs this
     * writer already accepted are still not stored twice.
     */
    public boolean saveDuplicate(BlobType type, Id id, byte[] plaintext) {
        return save(type, id, plaintext, 0, plaintext.length, false, false);
    }

    /**
     * Like {@link #save}, for a blob that is {@code src[offset, offset+length)} of the caller's buffer (a chunk
     * read in place): its bytes are copied only when the blob is new, into an array the writer reuses once the blob
     * is encoded. The caller may change {@code src} as soon as this returns.
     */
    public boolean saveCopy(BlobType type, Id id, byte[] src, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, src.length);
        return save(type, id, src, offset, length, true, true);
    }

    /** {@code copy}: the bytes are the caller's, copied if the blob is stored; else the array is handed over. */
    private boolean save(BlobType type, Id id, byte[] src, int offset, int length, boolean copy,
            boolean skipIndexed) {
        Objects.requireNonNull(type);
        Objects.requireNonNull(id);
        if (length > MAX_BLOB_SIZE) {
            throw new IllegalArgumentException("blob of " + length + " bytes; at most " + MAX_BLOB_SIZE);
        }
        checkOpen();
        failure.check();
        if (skipIndexed && index().contains(type, id)) {
            return duplicate(length);
        }
        BlobKey k = new BlobKey(type, id);
        if (!inFlight.add(k)) {
            return duplicate(length);
        }
        // An upload adds its blobs to the index before it drops them from inFlight: checking again closes the gap.
        if (skipIndexed && index().contains(type, id)) {
            inFlight.remove(k);
            return duplicate(length);
        }
        long charge = Math.min(length + (long) CryptoKey.OVERHEAD, maxCharge);
        boolean queued = false;
        try {
            if (!budget.acquire(charge, () -> failure.failed() || closed)) {
                checkOpen();
                failure.check();
                throw new IllegalStateException("the repository writer stopped");
            }
            byte[] plain = copy ? plainBuffers.copyOf(src, offset, length) : src;
            encoding.start();
            try {
                workers.execute(() -> encode(type, id, plain, length, copy, charge));
                queued = true;
            } catch (RejectedExecutionException e) {
                encoding.done();
                budget.release(charge);
                throw new IllegalStateException("the repository writer is closed", e);
            }
        } catch (InterruptedException e) {
            throw WriterFailure.interrupted(repo.backend().location(), e);
        } finally {
            if (!queued) {
                inFlight.remove(k);
            }
        }
        counters.newBlobs.increment();
        counters.newBytes.add(length);
        return true;
    }

    private boolean duplicate(int length) {
        counters.duplicateBlobs.increment();
        counters.duplicateBytes.add(length);
        return false;
    }

    /** Worker thread: encode, then append to the open pack of the blob's type; a pooled copy goes back after. */
    private void encode(BlobType type, Id id, byte[] plaintext, int length, boolean pooled, long charge) {
        long held = charge;
        try {
            if (failure.failed()) {
                return;
            }
            EncodedBlob blob = encoder.encode(type, id, plaintext, length);
            long kept = Math.min(charge, blob.storedLength());
            budget.release(charge - kept);
            held = 0;
            append(blob, kept);
        } catch (Throwable t) {
            fail(t);
        } finally {
            if (pooled) {
                plainBuffers.give(plaintext);
            }
            budget.release(held);
            encoding.done();
        }
    }

    private void append(EncodedBlob blob, long charge) {
        List<OpenPack> finished = new ArrayList<>(2);
        synchronized (packLock) {
            OpenPack pack = open.get(blob.type());
            if (!pack.hasRoomFor(blob)) {
                finished.add(pack);
                pack = new OpenPack(blob.type(), buffers);
                open.put(blob.type(), pack);
            }
            pack.add(blob, charge);
            if (pack.isFull(options.packSize())) {
                finished.add(pack);
                open.put(blob.type(), new OpenPack(blob.type(), buffers));
            }
        }
        for (OpenPack p : finished) {
            upload(p);
        }
    }

    private BlobIndex index() {
        BlobIndex i = index;
        if (i == null) {
            i = repo.index();
            index = i;
        }
        return i;
    }

    private void upload(OpenPack pack) {
        uploading.start();
        try {
            uploaders.execute(() -> store(pack));
        } catch (RejectedExecutionException e) {
            budget.release(pack.charged());
            uploading.done();
            fail(new IllegalStateException("the repository writer is closed", e));
        }
    }

    /** Upload thread: finish the pack, store it, then make its blobs known. */
    private void store(OpenPack pack) {
        boolean released = false;
        try {
            if (failure.failed()) {
                return;
            }
            long t0 = System.nanoTime();
            PackFile file = PackFile.assemble(pack, key);
            long t1 = System.nanoTime();
            counters.packNanos.add(t1 - t0);
            try {
                repo.awaitWriteGate();
                repo.backend().save(FileType.PACK, file.id().hex(), file.buffer(), file.length());
            } catch (IOException e) {
                throw new RepositoryException(Problem.IO, "data/" + file.id(), "cannot save pack data/"
                        + file.id() + ": " + e.getMessage(), e);
            }
            counters.uploadNanos.add(System.nanoTime() - t1);
            if (file.entries().stream().anyMatch(e -> e.type() == BlobType.TREE)) {
                repo.keepTreePackCopy(file.id(), file.buffer(), file.length());
            }
            index().addPack(file.id(), file.entries());
            for (PackEntry e : file.entries()) {
                inFlight.remove(new BlobKey(e.type(), e.id()));
                if (e.compressed()) {
                    counters.compressedBlobs.increment();
                }
            }
            counters.storedBytes.add(pack.blobBytes());
            counters.packs.increment();
            counters.packBytes.add(file.length());
            buffers.give(file.buffer());
            pendingIndex.add(new IndexFiles.PackRecord(file.id(), file.entries()));
            budget.release(pack.charged()); // the bytes are gone; savers need not wait for the index file
            released = true;
            pendingIndex.writeIfDue();
        } catch (Throwable t) {
            fail(t);
        } finally {
            if (!released) {
                budget.release(pack.charged());
            }
            uploading.done();
        }
    }

    private void indexOnTimer() {
        if (closed || failure.failed()) {
            return;
        }
        try {
            pendingIndex.writeIfDue();
        } catch (Throwable t) {
            fail(t);
        }
    }

    private void fail(Throwable t) {
        failure.record(t);
        budget.wakeAll();
    }

    /**
     * Stores every blob accepted so far: finishes the open packs (even small ones), waits for their uploads, and
     * writes index files for all stored packs. Afterwards each blob {@code save} accepted before this call is
     * readable and listed in an index file on the backend.
     *
     * @throws RepositoryException when the writer stopped on an error; packs stored before it are indexed if
     *                             the backend still allows it
     */
    public void flush() {
        checkOpen();
        String where = repo.backend().location();
        try {
            encoding.awaitIdle();
            if (!failure.failed()) {
                List<OpenPack> partial = new ArrayList<>(2);
                synchronized (packLock) {
                    for (BlobType t : BlobType.values()) {
                        if (!open.get(t).isEmpty()) {
                            partial.add(open.get(t));
                            open.put(t, new OpenPack(t, buffers));
                        }
                    }
                }
                partial.forEach(this::upload);
            }
            uploading.awaitIdle();
        } catch (InterruptedException e) {
            throw WriterFailure.interrupted(where, e);
        }
        try {
            pendingIndex.writeAll();
        } catch (RuntimeException e) {
            fail(e);
        }
        failure.check();
    }

    /** Flushes, then stops the writer's threads. Later calls do nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        boolean indexed = false;
        try {
            flush();
            indexed = true;
        } finally {
            if (indexed) {
                mark.done();
            } else {
                mark.abandoned();
            }
            closed = true;
            budget.wakeAll();
            timer.shutdownNow();
            workers.shutdown();
            uploaders.shutdown();
        }
    }

    /** What the writer did so far. */
    public WriterStats stats() {
        return counters.snapshot(budget.peak());
    }

    /**
     * Indexes the packs in {@code data/} that no index file lists (left by a crash between a pack's upload and the
     * index write), so that their blobs are not uploaded again; see {@link OrphanPacks}. Returns how many packs
     * it indexed.
     */
    public static int indexOrphanPacks(Repository repo) {
        return OrphanPacks.index(repo).indexed();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the repository writer is closed");
        }
    }
}
