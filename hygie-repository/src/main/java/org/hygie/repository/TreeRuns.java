package org.hygie.repository;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.id.Id;
import org.hygie.repository.index.BlobIndex;
import org.hygie.repository.index.BlobLocation;

/**
 * Reads tree blobs a run at a time. restic and Hygie write trees into packs of their own, one after the other, and a
 * walk of a snapshot (a backup reading its parent, a restore, {@code ls}, a drill) asks for them one by one: over a
 * network every read is a round trip (a few ms to an SFTP NAS, tens of ms to an S3 store). So the first tree asked
 * for brings its neighbours: the run of tree blobs around it in its pack (gaps of at most 64 KiB read through, at most
 * 4 MiB in all), read in one request and kept as stored, still encrypted, for the next trees (the runs read last, up
 * to 12 MiB in all: a night's few trees make runs of a few KiB, and a walk goes back and forth between the packs of
 * many nights). The caller decrypts and checks each blob when it asks for it, as for a blob read alone. A run that cannot
 * be read (a pack cut short after the tree asked for) falls back to reading that one blob.
 */
final class TreeRuns {
    static final int MAX_RUN = 4 << 20;
    static final int MAX_GAP = 64 << 10;
    static final int KEPT_BYTES = 3 * MAX_RUN;
    /** Runs kept at most, whatever their size: each read looks through them. */
    static final int KEPT_RUNS = 256;

    /** Stored bytes of a blob: {@code length} bytes of {@code buffer} from {@code offset}. */
    record Stored(byte[] buffer, int offset) {
    }

    private record Run(Id pack, long start, byte[] bytes) {
        boolean holds(BlobLocation loc) {
            return pack.equals(loc.pack()) && loc.offset() >= start
                    && loc.offset() + loc.length() <= start + bytes.length;
        }
    }

    private final Backend backend;
    private final ArrayDeque<Run> runs = new ArrayDeque<>();
    private long keptBytes;
    private BlobIndex extentsOf;
    private Map<Id, long[]> extents;

    TreeRuns(Backend backend) {
        this.backend = backend;
    }

    /** The stored bytes of the tree blob at {@code loc}, which {@code index} located. */
    synchronized Stored read(BlobIndex index, BlobLocation loc) throws IOException {
        for (Iterator<Run> it = runs.iterator(); it.hasNext();) {
            Run r = it.next();
            if (r.holds(loc)) {
                it.remove();
                runs.addFirst(r);
                return new Stored(r.bytes(), (int) (loc.offset() - r.start()));
            }
        }
        long[] span = span(index, loc);
        if (span != null) {
            byte[] bytes;
            try {
                bytes = backend.load(FileType.PACK, loc.pack().hex(), span[0], (int) (span[1] - span[0]));
            } catch (java.io.InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                bytes = null; // read the blob alone: its own bytes may well be there
            }
            if (bytes != null && bytes.length == span[1] - span[0]) {
                runs.addFirst(new Run(loc.pack(), span[0], bytes));
                keptBytes += bytes.length;
                while ((keptBytes > KEPT_BYTES || runs.size() > KEPT_RUNS) && runs.size() > 1) {
                    keptBytes -= runs.removeLast().bytes().length;
                }
                return new Stored(bytes, (int) (loc.offset() - span[0]));
            }
        }
        return new Stored(backend.load(FileType.PACK, loc.pack().hex(), loc.offset(), loc.length()), 0);
    }

    /** [start, end) of the run of tree blobs around {@code loc} in its pack, or null when it is the blob alone. */
    private long[] span(BlobIndex index, BlobLocation loc) {
        if (extentsOf != index) {
            extents = index.treeExtents();
            extentsOf = index;
        }
        long[] e = extents.get(loc.pack());
        int i = e == null ? -1 : Arrays.binarySearch(e, loc.offset() << 32 | loc.length());
        if (i < 0) {
            return null; // added to the index after the extents were taken (a tree this process wrote)
        }
        int lo = i;
        int hi = i;
        long start = loc.offset();
        long end = loc.offset() + loc.length();
        boolean grew = true;
        while (grew) {
            grew = false;
            if (hi + 1 < e.length && offset(e[hi + 1]) - end <= MAX_GAP && end(e[hi + 1]) - start <= MAX_RUN) {
                hi++;
                end = Math.max(end, end(e[hi]));
                grew = true;
            }
            if (lo > 0 && start - end(e[lo - 1]) <= MAX_GAP && end - offset(e[lo - 1]) <= MAX_RUN) {
                lo--;
                start = Math.min(start, offset(e[lo]));
                grew = true;
            }
        }
        return lo == hi ? null : new long[] {start, end};
    }

    private static long offset(long extent) {
        return extent >>> 32;
    }

    private static long end(long extent) {
        return (extent >>> 32) + (extent & 0xffffffffL);
    }
}
