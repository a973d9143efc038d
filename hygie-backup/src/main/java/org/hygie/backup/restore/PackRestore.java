package org.hygie.backup.restore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.hygie.repository.BlobDecoder;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.id.Id;
import org.hygie.repository.index.BlobIndex;
import org.hygie.repository.index.BlobLocation;
import org.hygie.repository.pack.BlobType;
import org.hygie.repository.tree.Node;

/**
 * Writes the contents of restored files pack by pack, as restic 0.14 does: a plan says which blobs of which pack
 * go to which (file, offset); each worker takes a pack, reads the byte ranges it needs (several neighbouring blobs
 * in one read), decrypts, decompresses and verifies each blob once, and writes it to every place that needs it with
 * positional writes. A file is created at its first write, with CREATE_NEW and NOFOLLOW_LINKS (after
 * {@link Slot#prepare}), so nothing is ever written through a link nor over a file that was there; it is closed
 * and its metadata applied once all its blobs are written. Blocks of zeros are not written (holes), so sparse files
 * stay sparse.
 *
 * <p>Memory: each worker holds one read range (at most {@link #MAX_RUN} bytes, or one blob when larger) and one
 * decompressed blob. Open files are capped: past {@link #MAX_OPEN}, a file that still awaits blobs is closed after
 * each write and reopened (WRITE and NOFOLLOW_LINKS, never CREATE) at its next one.
 */
final class PackRestore {
    /** Neighbouring blobs are read together up to this many bytes. */
    static final int MAX_RUN = 4 << 20;
    /** Unneeded bytes between two needed blobs that are still read through rather than skipped. */
    static final int MAX_GAP = 256 << 10;
    static final int MAX_OPEN = 64;
    private static final long PROGRESS_NANOS = 100_000_000L;
    private static final byte[] ZEROS = new byte[64 << 10];

    /** How a worker gets a file's slot ready (Restorer's overwrite rules), reports, and finishes a file. */
    interface Slot {
        /** True when nothing is at {@code p} or it was removed to be replaced; otherwise it reported why. */
        boolean prepare(Path p, String shown);

        void problem(RestoreResult.Problem problem);

        /** All the file's blobs are written and it is closed; {@code complete} false if one was not. */
        void done(Target file, boolean complete);
    }

    private enum State { NEW, OPEN, CLOSED_PARTWAY, SKIPPED, DONE }

    /** One file to write: where, how long, and its state while blobs arrive. Guarded by its own lock. */
    static final class Target {
        final Path path;
        final String shown;
        final Node node;
        private long size;
        private int pending;
        private State state = State.NEW;
        private FileChannel ch;
        private boolean failed;

        Target(Path path, String shown, Node node) {
            this.path = path;
            this.shown = shown;
            this.node = node;
        }
    }

    private record Destination(Target file, long offset) {
    }

    /** One blob of a pack and every place it goes. */
    private static final class Use {
        final BlobLocation loc;
        final List<Destination> to = new ArrayList<>(1);

        Use(BlobLocation loc) {
            this.loc = loc;
        }
    }

    private final Repository repo;
    private final Slot slot;
    private final int threads;
    /** Packs in the order files first need them (restic's order), each with its blobs. */
    private final Map<Id, Map<Id, Use>> packs = new LinkedHashMap<>();
    private final List<Target> targets = new ArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong filesDone = new AtomicLong();
    private final ThreadLocal<BlobDecoder> decoders;
    /** When progress was last reported: at most every {@link #PROGRESS_NANOS}, since the listener formats a line. */
    private final AtomicLong lastProgress = new AtomicLong(System.nanoTime());
    private java.util.function.BiConsumer<Long, Long> progress = (f, b) -> { };

    PackRestore(Repository repo, Slot slot, int threads) {
        this.repo = repo;
        this.slot = slot;
        this.threads = threads;
        this.decoders = ThreadLocal.withInitial(repo::newBlobDecoder);
    }

    /**
     * Plans one file: looks up each blob of its content. A blob missing from the index is a problem for the file,
     * which is then written up to that blob only (the offsets of the next ones are unknown) and gets no metadata.
     */
    void add(Path path, String shown, Node node) {
        Target t = new Target(path, shown, node);
        BlobIndex index = repo.index();
        long offset = 0;
        for (Id id : node.content()) {
            BlobLocation loc = index.lookup(BlobType.DATA, id);
            if (loc == null) {
                slot.problem(new RestoreResult.Problem(shown, RestoreResult.Reason.DATA_MISSING,
                        "data blob " + id + " is not in the index"));
                t.failed = true;
                break;
            }
            packs.computeIfAbsent(loc.pack(), k -> new HashMap<>()).computeIfAbsent(id, k -> new Use(loc)).to
                    .add(new Destination(t, offset));
            t.pending++;
            offset += loc.plainLength();
        }
        t.size = offset;
        targets.add(t);
    }

    /** Writes every planned file; returns the bytes written. {@code listener} gets (files done, bytes) now and then. */
    long run(java.util.function.BiConsumer<Long, Long> listener) throws IOException {
        this.progress = listener;
        for (Target t : targets) {
            if (t.pending == 0) { // empty, or its first blob is not in the index
                synchronized (t) {
                    finish(t);
                }
                progress(false);
            }
        }
        targets.clear();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "hygie-restore");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> futures = new ArrayList<>(packs.size());
            for (Map.Entry<Id, Map<Id, Use>> p : packs.entrySet()) {
                futures.add(pool.submit(() -> {
                    restorePack(p.getKey(), new ArrayList<>(p.getValue().values()));
                    return null;
                }));
            }
            packs.clear();
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("restore interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("restore failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        progress(true);
        return bytes.get();
    }

    private void progress(boolean force) {
        long now = System.nanoTime();
        long last = lastProgress.get();
        if (force || (now - last >= PROGRESS_NANOS && lastProgress.compareAndSet(last, now))) {
            progress.accept(filesDone.get(), bytes.get());
        }
    }

    private void restorePack(Id pack, List<Use> uses) {
        uses.sort(Comparator.comparingLong(u -> u.loc.offset()));
        BlobDecoder decoder = decoders.get();
        int i = 0;
        while (i < uses.size()) {
            long start = uses.get(i).loc.offset();
            long end = start + uses.get(i).loc.length();
            int j = i + 1;
            while (j < uses.size()) {
                BlobLocation next = uses.get(j).loc;
                long nextEnd = next.offset() + next.length();
                if (next.offset() < end || next.offset() - end > MAX_GAP || nextEnd - start > MAX_RUN) {
                    break; // overlapping entries (a damaged index) are read apart, each into its own buffer
                }
                end = nextEnd;
                j++;
            }
            byte[] buf = decoder.readBuffer((int) (end - start));
            String readError = null;
            RestoreResult.Reason readReason = RestoreResult.Reason.DATA_UNREADABLE;
            try {
                repo.backend().loadInto(FileType.PACK, pack.hex(), start, buf, 0, (int) (end - start));
            } catch (NoSuchFileException e) {
                readError = "pack " + pack + " does not exist";
                readReason = RestoreResult.Reason.DATA_MISSING;
            } catch (IOException e) {
                readError = "cannot read pack " + pack + ": " + e.getMessage();
            }
            for (int k = i; k < j; k++) {
                Use u = uses.get(k);
                if (readError != null) {
                    fail(u, readReason, readError);
                    continue;
                }
                BlobDecoder.Plain plain;
                try {
                    plain = decoder.decode(u.loc, buf, (int) (u.loc.offset() - start));
                } catch (RepositoryException e) {
                    fail(u, RestoreResult.Reason.DATA_UNREADABLE, e.getMessage());
                    continue;
                }
                boolean zero = isZero(plain.array(), plain.offset(), plain.length());
                for (Destination d : u.to) {
                    write(d, plain, zero);
                }
                progress(false);
            }
            i = j;
        }
    }

    private void fail(Use u, RestoreResult.Reason reason, String detail) {
        for (Destination d : u.to) {
            Target t = d.file();
            synchronized (t) {
                failed(t, new RestoreResult.Problem(t.shown, reason, detail));
                blobDone(t);
            }
        }
    }

    private void write(Destination d, BlobDecoder.Plain plain, boolean zero) {
        Target t = d.file();
        synchronized (t) {
            if (open(t)) {
                if (!zero) {
                    try {
                        ByteBuffer b = ByteBuffer.wrap(plain.array(), plain.offset(), plain.length());
                        long at = d.offset();
                        while (b.hasRemaining()) {
                            at += t.ch.write(b, at);
                        }
                    } catch (IOException e) {
                        failed(t, RestoreResult.Problem.ofWrite(t.shown, e));
                    }
                }
                bytes.addAndGet(plain.length());
            }
            blobDone(t);
        }
    }

    /** Caller holds t's lock. Reports the file's first problem only. */
    private void failed(Target t, RestoreResult.Problem problem) {
        if (!t.failed) {
            t.failed = true;
            slot.problem(problem);
        }
    }

    /** Caller holds t's lock. One of t's blobs is written (or could not be): finish t after its last one. */
    private void blobDone(Target t) {
        t.pending--;
        if (t.pending == 0) {
            finish(t);
        } else if (t.state == State.OPEN && open.get() > MAX_OPEN) {
            close(t);
            t.state = State.CLOSED_PARTWAY;
        }
    }

    /**
     * Caller holds t's lock. Makes t ready to write: at the first time, prepares the slot and creates the file
     * (CREATE_NEW, NOFOLLOW_LINKS); after it was closed partway, reopens it (WRITE, NOFOLLOW_LINKS, no CREATE).
     * False when t cannot be written.
     */
    private boolean open(Target t) {
        switch (t.state) {
            case OPEN:
                return true;
            case SKIPPED:
            case DONE:
                return false;
            default:
                break;
        }
        OpenOption[] options;
        if (t.state == State.NEW) {
            if (!slot.prepare(t.path, t.shown)) {
                t.state = State.SKIPPED;
                t.failed = true;
                return false;
            }
            options = new OpenOption[] {StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS};
        } else {
            options = new OpenOption[] {StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS};
        }
        try {
            t.ch = FileChannel.open(t.path, options);
        } catch (IOException e) {
            t.state = State.SKIPPED;
            failed(t, RestoreResult.Problem.ofWrite(t.shown, e));
            return false;
        }
        t.state = State.OPEN;
        open.incrementAndGet();
        return true;
    }

    private void close(Target t) {
        try {
            t.ch.close();
        } catch (IOException e) {
            failed(t, RestoreResult.Problem.ofWrite(t.shown, e));
        }
        t.ch = null;
        open.decrementAndGet();
    }

    /**
     * Caller holds t's lock. All of t's blobs are done: gives it its full length (a file that ends in zeros ends in
     * a hole, and one byte is written at the very end), closes it, and hands it to {@link Slot#done}.
     */
    private void finish(Target t) {
        if (open(t)) {
            try {
                if (t.ch.size() < t.size) {
                    t.ch.write(ByteBuffer.wrap(new byte[1]), t.size - 1);
                }
            } catch (IOException e) {
                failed(t, RestoreResult.Problem.ofWrite(t.shown, e));
            }
            close(t);
        }
        boolean written = t.state != State.SKIPPED;
        t.state = State.DONE;
        filesDone.incrementAndGet();
        if (written) {
            slot.done(t, !t.failed);
        }
    }

    /** Whether {@code b[off, off+len)} is all zeros (vectorized compare against a block of zeros). */
    static boolean isZero(byte[] b, int off, int len) {
        int done = 0;
        while (done < len) {
            int n = Math.min(ZEROS.length, len - done);
            if (Arrays.mismatch(b, off + done, off + done + n, ZEROS, 0, n) >= 0) {
                return false;
            }
            done += n;
        }
        return len > 0;
    }
}
