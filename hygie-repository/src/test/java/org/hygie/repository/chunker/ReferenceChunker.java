package org.hygie.repository.chunker;

import java.util.ArrayList;
import java.util.List;

/**
 * restic's chunking written the slow, obvious way, byte by byte, straight from restic-format.md §6.3–6.4, with
 * its own tables built from plain polynomial reduction. The test oracle for {@link Chunker}.
 */
final class ReferenceChunker {
    private static final int W = 64;
    private static final int MIN = 512 * 1024;
    private static final int MAX = 8 * 1024 * 1024;
    private static final long MASK = (1L << 20) - 1;

    private final long[] outTable = new long[256];
    private final long[] modTable = new long[256];
    private final int shift;

    private final int[] window = new int[W];
    private int wpos;
    private long digest;

    ReferenceChunker(Polynomial p) {
        int deg = p.degree();
        shift = deg - 8;
        for (int b = 0; b < 256; b++) {
            Polynomial h = Polynomial.of(b).mod(p);
            for (int i = 0; i < W - 1; i++) {
                h = Polynomial.of(h.value() << 8).mod(p); // append a zero byte
            }
            outTable[b] = h.value();
            long high = (long) b << deg;
            modTable[b] = Polynomial.of(high).mod(p).value() | high;
        }
    }

    /** The lengths of the chunks of {@code data}, in order. */
    List<Integer> chunkLengths(byte[] data) {
        List<Integer> lengths = new ArrayList<>();
        reset();
        int length = 0;
        for (byte value : data) {
            int b = value & 0xFF;
            length++;
            if (length <= MIN - W) {
                continue; // skip phase: copied, not hashed
            }
            slide(b);
            if (((digest & MASK) == 0 || length >= MAX) && length >= MIN) {
                lengths.add(length);
                length = 0;
                reset();
            }
        }
        if (length > 0) {
            lengths.add(length);
        }
        return lengths;
    }

    private void reset() {
        for (int i = 0; i < W; i++) {
            window[i] = 0;
        }
        wpos = 0;
        digest = 0;
        slide(1);
    }

    private void slide(int b) {
        int out = window[wpos];
        window[wpos] = b;
        wpos = (wpos + 1) % W;
        digest ^= outTable[out];
        int idx = (int) (digest >>> shift);
        digest = ((digest << 8) | b) ^ modTable[idx];
    }
}
