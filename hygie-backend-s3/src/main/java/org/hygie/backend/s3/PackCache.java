package org.hygie.backend.s3;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whole packs kept in memory once they are read piece by piece, so that walking the trees of the last snapshot
 * (every backup with a parent does it) costs one request per tree pack, not one per folder: on a remote store each
 * request waits a round trip, and a practice's file server has thousands of folders. restic gets the same from its
 * local cache of tree packs.
 *
 * <p>The rule: the first {@value #RANGES_BEFORE_WHOLE} ranged reads of a pack go to the store as ranges; the next
 * one fetches the whole pack, which then answers every read from memory. Packs are immutable (a name is the hash of
 * the bytes), so nothing ever needs refreshing. Memory is bounded (least recently used packs go first), packs larger
 * than a quarter of the bound are never kept, and a pack already fetched whole twice is not fetched whole again
 * (reads that wander over more packs than fit would otherwise download them over and over). Thread-safe.
 */
final class PackCache {
    static final int RANGES_BEFORE_WHOLE = 2;
    private static final int MAX_WHOLE_FETCHES = 2;
    /** Per-pack counters are forgotten beyond this many packs (a few MiB at most). */
    private static final int MAX_TRACKED = 100_000;

    private final long maxBytes;
    private final LinkedHashMap<String, byte[]> packs = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, int[]> counts = new HashMap<>(); // [ranged reads, whole fetches]
    private long bytes;
    private long hits;
    private long wholeFetches;

    /** A cache of at most {@code maxBytes} of packs; 0 turns it off. */
    PackCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The whole pack if it is here. */
    synchronized byte[] get(String pack) {
        byte[] b = packs.get(pack);
        if (b != null) {
            hits++;
        }
        return b;
    }

    /**
     * Counts a ranged read of {@code pack} that {@link #get} did not answer, and says whether it should fetch the
     * whole pack instead.
     */
    synchronized boolean wantWhole(String pack) {
        if (maxBytes <= 0) {
            return false;
        }
        if (counts.size() >= MAX_TRACKED && !counts.containsKey(pack)) {
            counts.clear();
        }
        int[] c = counts.computeIfAbsent(pack, k -> new int[2]);
        if (c[1] >= MAX_WHOLE_FETCHES) {
            return false;
        }
        if (++c[0] > RANGES_BEFORE_WHOLE) {
            c[0] = 0;
            c[1]++;
            wholeFetches++;
            return true;
        }
        return false;
    }

    /** Keeps a pack fetched whole, if it fits, evicting the least recently used ones. */
    synchronized void put(String pack, byte[] data) {
        if (data.length > maxBytes / 4 || packs.containsKey(pack)) {
            return;
        }
        packs.put(pack, data);
        bytes += data.length;
        Iterator<Map.Entry<String, byte[]>> it = packs.entrySet().iterator();
        while (bytes > maxBytes && it.hasNext()) {
            Map.Entry<String, byte[]> oldest = it.next();
            bytes -= oldest.getValue().length;
            it.remove();
        }
    }

    /** Forgets a pack (deleted). */
    synchronized void remove(String pack) {
        byte[] b = packs.remove(pack);
        if (b != null) {
            bytes -= b.length;
        }
        counts.remove(pack);
    }

    synchronized long bytes() {
        return bytes;
    }

    /** Reads answered from memory, and packs fetched whole, since the start. */
    synchronized long[] stats() {
        return new long[] {hits, wholeFetches};
    }
}
