package org.hygie.repository.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.hygie.repository.chunker.Chunker;
import org.junit.jupiter.api.Test;

class PackBuffersTest {
    private static final int PACK = 4 << 20;

    @Test
    void aStandardBufferHoldsAFullPackWhateverItsLastChunk() {
        PackBuffers buffers = new PackBuffers(PACK, 2);
        assertTrue(buffers.standardSize() >= PACK - 1 + Chunker.MAX_SIZE + 32 + 4 + 64 * 1024,
                "a pack just under its target, then the largest chunk's blob, then a header");
    }

    @Test
    void aGrowingBufferKeepsWhatItHeldAndEndsAtTheStandardSize() {
        PackBuffers buffers = new PackBuffers(PACK, 2);
        byte[] b = new byte[0];
        byte[] expected = new byte[0];
        int used = 0;
        for (int step = 0; step < 40; step++) {
            int add = 300_000 + step;
            b = buffers.ensure(b, used, used + add);
            Arrays.fill(b, used, used + add, (byte) step);
            expected = Arrays.copyOf(expected, used + add);
            Arrays.fill(expected, used, used + add, (byte) step);
            used += add;
        }
        assertArrayEquals(expected, Arrays.copyOf(b, used));
        assertEquals(buffers.standardSize(), b.length, "grown by doubling, capped at the standard size");
    }

    @Test
    void standardBuffersAreReusedAndOnlyAFewAreKept() {
        PackBuffers buffers = new PackBuffers(PACK, 2);
        byte[] first = buffers.ensure(new byte[0], 0, buffers.standardSize());
        byte[] second = buffers.ensure(new byte[0], 0, buffers.standardSize());
        byte[] third = buffers.ensure(new byte[0], 0, buffers.standardSize());
        buffers.give(first);
        buffers.give(second);
        buffers.give(third);
        assertEquals(2, buffers.spareCount());
        byte[] again = buffers.ensure(new byte[0], 0, 10);
        assertTrue(again == first || again == second, "a spare standard buffer, not a new one");
        assertEquals(1, buffers.spareCount());
    }

    @Test
    void otherSizesAreNotKept() {
        PackBuffers buffers = new PackBuffers(PACK, 2);
        byte[] small = buffers.ensure(new byte[0], 0, 10);
        assertTrue(small.length < buffers.standardSize());
        buffers.give(small);
        byte[] huge = buffers.ensure(small, 10, buffers.standardSize() + 1);
        assertEquals(buffers.standardSize() + 1, huge.length, "a blob beyond the standard size gets what it needs");
        buffers.give(huge);
        assertEquals(0, buffers.spareCount());
        byte[] next = buffers.ensure(new byte[0], 0, 10);
        assertNotSame(huge, next);
    }

    @Test
    void aBufferLargeEnoughIsKept() {
        PackBuffers buffers = new PackBuffers(PACK, 2);
        byte[] b = new byte[1000];
        assertSame(b, buffers.ensure(b, 500, 1000));
    }
}
