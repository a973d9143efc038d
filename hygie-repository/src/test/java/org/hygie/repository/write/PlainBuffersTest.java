package org.hygie.repository.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PlainBuffersTest {
    private static final long KEEP = 32L << 20;

    @Property(tries = 200)
    void aCopyHoldsTheBytesInAnArrayAtMostTwiceAsLong(@ForAll @IntRange(min = 0, max = 9 << 20) int length) {
        PlainBuffers buffers = new PlainBuffers(KEEP);
        byte[] src = new byte[length + 10];
        new Random(length).nextBytes(src);
        byte[] copy = buffers.copyOf(src, 5, length);
        assertArrayEquals(Arrays.copyOfRange(src, 5, 5 + length), Arrays.copyOf(copy, length));
        if (length >= PlainBuffers.MIN_POOLED && length <= PlainBuffers.MAX_POOLED) {
            assertTrue(copy.length >= length && copy.length < 2L * length + 1, copy.length + " for " + length);
            assertEquals(1, Integer.bitCount(copy.length));
        } else {
            assertEquals(length, copy.length, "small and huge blobs get an array of their own size");
        }
    }

    @Test
    void anArrayGivenBackServesTheNextCopyOfItsClass() {
        PlainBuffers buffers = new PlainBuffers(KEEP);
        byte[] src = new byte[1 << 20];
        byte[] a = buffers.copyOf(src, 0, 700_000);
        buffers.give(a);
        assertEquals(a.length, buffers.spareBytes());
        assertSame(a, buffers.copyOf(src, 0, 600_000), "same class: reused");
        assertEquals(0, buffers.spareBytes());
        buffers.give(a);
        assertNotSame(a, buffers.copyOf(src, 0, 300_000), "another class: a new array");
    }

    @Test
    void arraysOfOtherSizesAreNotKeptAndTheSpareBytesAreBounded() {
        PlainBuffers buffers = new PlainBuffers(KEEP);
        buffers.give(new byte[100]);
        buffers.give(new byte[700_000]);
        buffers.give(new byte[16 << 20]);
        assertEquals(0, buffers.spareBytes());
        for (int i = 0; i < 10; i++) {
            buffers.give(new byte[PlainBuffers.MAX_POOLED]);
        }
        assertEquals(KEEP, buffers.spareBytes(), "no more than the writer's budget is kept");
    }

    @Test
    void sizeClasses() {
        assertEquals(-1, PlainBuffers.sizeClass(PlainBuffers.MIN_POOLED - 1));
        assertEquals(0, PlainBuffers.sizeClass(PlainBuffers.MIN_POOLED));
        assertEquals(1, PlainBuffers.sizeClass(PlainBuffers.MIN_POOLED + 1));
        assertEquals(1, PlainBuffers.sizeClass(2 * PlainBuffers.MIN_POOLED));
        assertEquals(5, PlainBuffers.sizeClass(PlainBuffers.MAX_POOLED));
        assertEquals(-1, PlainBuffers.sizeClass(PlainBuffers.MAX_POOLED + 1));
    }
}
