package org.hygie.backup.prune;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.concurrent.Parallel;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.id.Id;
import org.hygie.repository.index.BlobLocation;
import org.hygie.repository.pack.BlobType;
import org.hygie.repository.pack.PackEntry;

/**
 * Moves blobs out of packs (restic's {@code repository.Repack}): for each pack (a few packs in parallel), reads the
 * byte ranges that hold
 * the wanted blobs (neighbours read together, gaps up to {@value #MAX_GAP} bytes read through), decrypts,
 * decompresses and checks each blob against its id, and hands its plaintext on. A blob that does not decode is
 * read from another copy when the index knows one; otherwise the whole operation fails, having deleted nothing.
 * Used by prune (same repository, blobs stored again) and by copy (another repository and key).
 */
public final class Repacker {
    /** Gaps between wanted blobs up to this size are read rather than costing another request. */
    static final int MAX_GAP = 1 << 20;
    /** Packs read and decoded at once: each holds up to a pack in memory, on top of the writer's budget. */
    static final int READERS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private Repacker() {
    }

    /** Receives each blob's plaintext, in pack order. */
    @FunctionalInterface
    public interface BlobSink {
        void accept(BlobType type, Id id, byte[] plaintext);
    }

    /** Called after each pack, with how many are done of how many. */
    @FunctionalInterface
    public interface Progress {
        void packDone(long done, long total);
    }

    /**
     * Reads the {@code wanted} entries of each pack of {@code source} and gives them to {@code sink}, a few packs
     * at a time (the sink must be thread-safe, as {@code RepositoryWriter.save} is). Returns the number of bytes
     * read from storage. The first failure stops the work and is thrown.
     */
    public static long repack(Repository source, Map<Id, List<PackEntry>> wanted, BlobSink sink, Progress progress) {
        AtomicLong done = new AtomicLong();
        List<Long> read;
        try {
            read = Parallel.map(new ArrayList<>(wanted.entrySet()), READERS, "hygie-repack-read", p -> {
                long n = readPack(source, p.getKey(), p.getValue(), sink);
                progress.packDone(done.incrementAndGet(), wanted.size());
                return n;
            });
        } catch (IOException e) {
            // readPack says what fails as a RepositoryException: only an interruption comes here
            throw new RepositoryException(Problem.IO, source.backend().location(), "interrupted while repacking",
                    e);
        }
        return read.stream().mapToLong(Long::longValue).sum();
    }

    /** Reads the wanted blobs of one pack, neighbours together. */
    private static long readPack(Repository source, Id pack, List<PackEntry> wanted, BlobSink sink) {
        List<PackEntry> entries = new ArrayList<>(wanted);
        entries.sort(Comparator.comparingLong(PackEntry::offset));
        long read = 0;
        int start = 0;
        while (start < entries.size()) {
            int end = start + 1;
            while (end < entries.size() && entries.get(end).offset() - endOf(entries.get(end - 1)) <= MAX_GAP
                    && endOf(entries.get(end)) - entries.get(start).offset() <= Integer.MAX_VALUE) {
                end++;
            }
            read += readRun(source, pack, entries.subList(start, end), sink);
            start = end;
        }
        return read;
    }

    private static long endOf(PackEntry e) {
        return e.offset() + e.length();
    }

    private static long readRun(Repository source, Id pack, List<PackEntry> run, BlobSink sink) {
        long from = run.get(0).offset();
        int length = (int) (endOf(run.get(run.size() - 1)) - from);
        byte[] bytes;
        try {
            bytes = source.backend().load(FileType.PACK, pack.hex(), from, length);
        } catch (IOException e) {
            throw new RepositoryException(e instanceof NoSuchFileException ? Problem.CORRUPTED : Problem.IO,
                    "data/" + pack, "cannot read pack " + pack + ": " + e.getMessage(), e);
        }
        for (PackEntry e : run) {
            BlobLocation loc = new BlobLocation(e.type(), e.id(), pack, e.offset(), e.length(),
                    e.uncompressedLength());
            byte[] plain;
            try {
                plain = source.decodeBlob(loc, bytes, (int) (e.offset() - from));
            } catch (RepositoryException damaged) {
                plain = otherCopy(source, loc, damaged);
            }
            sink.accept(e.type(), e.id(), plain);
        }
        return length;
    }

    private static byte[] otherCopy(Repository source, BlobLocation damagedAt, RepositoryException damaged) {
        BlobLocation other = source.index().lookup(damagedAt.type(), damagedAt.blob());
        if (other == null || other.pack().equals(damagedAt.pack())) {
            throw damaged;
        }
        return source.loadBlob(damagedAt.type(), damagedAt.blob());
    }
}
