package org.hygie.repository.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hygie.repository.id.Id;
import org.hygie.repository.pack.BlobType;
import org.hygie.repository.pack.PackEntry;

/**
 * The in-memory index: finds a blob's pack and byte range by its id and type. Compact by design
 * (about 56 bytes a blob, where a {@code HashMap<Id, Entry>} would take 3–4× that): ids live in one
 * {@code long[]}, the other fields in parallel {@code int[]}s, and an open-addressing table of ints points
 * into them. The first location added for a blob wins; later duplicates are ignored.
 * Thread-safe: additions and lookups are synchronized (a backup adds while it looks up).
 */
public final class BlobIndex {
    private static final int TREE_FLAG = 0x8000_0000;

    private long[] ids = new long[4 * 16];
    private int[] packAndType = new int[16];
    private int[] offsets = new int[16];
    private int[] lengths = new int[16];
    private int[] uncompressed = new int[16];
    private int size;
    private int[] table = new int[32];

    private final List<Id> packs = new ArrayList<>();
    private final Map<Id, Integer> packNumbers = new HashMap<>();
    /** The numbers of the packs that hold at least one tree blob. */
    private final BitSet treePacks = new BitSet();

    /** Adds every blob of a pack; returns how many were new. */
    public synchronized int addPack(Id pack, List<PackEntry> entries) {
        int packNo = packNumber(pack);
        int added = 0;
        for (PackEntry e : entries) {
            if (e.type() == BlobType.TREE) {
                treePacks.set(packNo);
            }
            if (add(e.type(), e.id(), packNo, e.offset(), e.length(), e.uncompressedLength())) {
                added++;
            }
        }
        return added;
    }

    private int packNumber(Id pack) {
        Integer n = packNumbers.get(pack);
        if (n == null) {
            n = packs.size();
            packs.add(pack);
            packNumbers.put(pack, n);
        }
        return n;
    }

    private boolean add(BlobType type, Id id, int packNo, long offset, int length, int uncompressedLength) {
        if (offset > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("blob offset beyond 2 GiB in a pack: " + offset);
        }
        long a0 = id.longAt(0);
        long a1 = id.longAt(8);
        long a2 = id.longAt(16);
        long a3 = id.longAt(24);
        int typeBit = type == BlobType.TREE ? TREE_FLAG : 0;
        int slot = find(a0, a1, a2, a3, typeBit);
        if (table[slot] != 0) {
            return false;
        }
        if (size == packAndType.length) {
            grow();
        }
        int i = size++;
        ids[4 * i] = a0;
        ids[4 * i + 1] = a1;
        ids[4 * i + 2] = a2;
        ids[4 * i + 3] = a3;
        packAndType[i] = packNo | typeBit;
        offsets[i] = (int) offset;
        lengths[i] = length;
        uncompressed[i] = uncompressedLength;
        table[slot] = i + 1;
        if (size * 4 > table.length * 3) {
            rehash(table.length * 2);
        }
        return true;
    }

    /** The location of a blob, or null when the index does not know it. */
    public synchronized BlobLocation lookup(BlobType type, Id id) {
        int slot = find(id.longAt(0), id.longAt(8), id.longAt(16), id.longAt(24),
                type == BlobType.TREE ? TREE_FLAG : 0);
        int i = table[slot] - 1;
        if (i < 0) {
            return null;
        }
        return new BlobLocation(type, id, packs.get(packAndType[i] & ~TREE_FLAG), offsets[i] & 0xffffffffL,
                lengths[i], uncompressed[i]);
    }

    public boolean contains(BlobType type, Id id) {
        return lookup(type, id) != null;
    }

    public synchronized int size() {
        return size;
    }

    /** Whether the index lists {@code pack} and it holds at least one tree blob. */
    public synchronized boolean holdsTrees(Id pack) {
        Integer n = packNumbers.get(pack);
        return n != null && treePacks.get(n);
    }

    /** Packs known to the index, in the order they were added. */
    public synchronized List<Id> packs() {
        return List.copyOf(packs);
    }

    /**
     * Where the tree blobs lie: for every pack holding some, each one's {@code offset << 32 | length}, in ascending
     * order (so by offset).
     */
    public synchronized Map<Id, long[]> treeExtents() {
        int[] counts = new int[packs.size()];
        for (int i = 0; i < size; i++) {
            if ((packAndType[i] & TREE_FLAG) != 0) {
                counts[packAndType[i] & ~TREE_FLAG]++;
            }
        }
        long[][] byPack = new long[counts.length][];
        int[] filled = new int[counts.length];
        for (int i = 0; i < size; i++) {
            if ((packAndType[i] & TREE_FLAG) != 0) {
                int p = packAndType[i] & ~TREE_FLAG;
                if (byPack[p] == null) {
                    byPack[p] = new long[counts[p]];
                }
                byPack[p][filled[p]++] = (offsets[i] & 0xffffffffL) << 32 | (lengths[i] & 0xffffffffL);
            }
        }
        Map<Id, long[]> out = new HashMap<>();
        for (int p = 0; p < byPack.length; p++) {
            if (byPack[p] != null) {
                Arrays.sort(byPack[p]);
                out.put(packs.get(p), byPack[p]);
            }
        }
        return out;
    }

    /** Releases the slack left by growing; call once loading is done. */
    public synchronized void trimToSize() {
        ids = Arrays.copyOf(ids, 4 * size);
        packAndType = Arrays.copyOf(packAndType, size);
        offsets = Arrays.copyOf(offsets, size);
        lengths = Arrays.copyOf(lengths, size);
        uncompressed = Arrays.copyOf(uncompressed, size);
    }

    /** Bytes held by the per-blob arrays and the table (not the pack list): the figure the design aims to keep ≤ 64 a blob. */
    public synchronized long memoryBytes() {
        return 8L * ids.length + 4L * (packAndType.length + offsets.length + lengths.length + uncompressed.length)
                + 4L * table.length;
    }

    private int find(long a0, long a1, long a2, long a3, int typeBit) {
        int mask = table.length - 1;
        int slot = (int) (a0 ^ (a0 >>> 32)) & mask;
        while (true) {
            int i = table[slot] - 1;
            if (i < 0) {
                return slot;
            }
            if (ids[4 * i] == a0 && ids[4 * i + 1] == a1 && ids[4 * i + 2] == a2 && ids[4 * i + 3] == a3
                    && (packAndType[i] & TREE_FLAG) == typeBit) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void grow() {
        int cap = packAndType.length + (packAndType.length >> 1) + 16;
        ids = Arrays.copyOf(ids, 4 * cap);
        packAndType = Arrays.copyOf(packAndType, cap);
        offsets = Arrays.copyOf(offsets, cap);
        lengths = Arrays.copyOf(lengths, cap);
        uncompressed = Arrays.copyOf(uncompressed, cap);
    }

    private void rehash(int capacity) {
        table = new int[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < size; i++) {
            long a0 = ids[4 * i];
            int slot = (int) (a0 ^ (a0 >>> 32)) & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = i + 1;
        }
    }
}
