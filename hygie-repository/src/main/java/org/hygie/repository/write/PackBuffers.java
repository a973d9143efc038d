package org.hygie.repository.write;

import java.util.ArrayDeque;
import org.hygie.repository.chunker.Chunker;

/**
 * The arrays packs are laid out in, reused from pack to pack: a backup writes hundreds of packs of 16 MiB, and
 * allocating each one (and each blob apart before it) made the collector copy and the kernel clear gigabytes.
 * A standard buffer holds a full pack whatever its last chunk: {@code packSize} plus the largest blob a chunk can
 * give, plus room for the header. A pack starts in a spare standard buffer when there is one, else in a buffer of
 * 1 MiB (tree packs often stay small), moved to a standard one when it outgrows it; buffers of other sizes (those
 * small ones, a huge tree's) are left to the collector. As many spare buffers are kept as packs can be in flight
 * at once, so a backup in its stride allocates none. Thread-safe.
 */
final class PackBuffers {
    private static final int FIRST = 1 << 20;
    private static final int HEADER_ROOM = 1 << 20;

    private final int standard;
    private final int keep;
    private final ArrayDeque<byte[]> spare = new ArrayDeque<>();

    /** Buffers for packs of {@code packSize} bytes; at most {@code keep} spare ones are kept. */
    PackBuffers(int packSize, int keep) {
        this.standard = packSize + Chunker.MAX_SIZE + HEADER_ROOM;
        this.keep = keep;
    }

    int standardSize() {
        return standard;
    }

    /**
     * {@code current} if it holds {@code need} bytes, else a larger buffer whose first {@code used} bytes are those
     * of {@code current}.
     */
    synchronized byte[] ensure(byte[] current, int used, int need) {
        if (current.length >= need) {
            return current;
        }
        byte[] next = need <= standard ? spare.poll() : null;
        if (next == null) {
            // a pack's first MiB in a small buffer (most tree packs stay small), then a standard one at once
            next = new byte[need <= FIRST && current.length == 0 ? FIRST : Math.max(need, standard)];
        }
        System.arraycopy(current, 0, next, 0, used);
        give(current);
        return next;
    }

    /** Takes back a buffer no longer used; kept for a later pack if it is a standard one and few are spare. */
    synchronized void give(byte[] buffer) {
        if (buffer.length == standard && spare.size() < keep) {
            spare.push(buffer);
        }
    }

    synchronized int spareCount() {
        return spare.size();
    }
}
