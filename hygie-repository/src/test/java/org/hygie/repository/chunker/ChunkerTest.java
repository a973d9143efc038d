package org.hygie.repository.chunker;

import static org.hygie.repository.chunker.Chunker.MAX_SIZE;
import static org.hygie.repository.chunker.Chunker.MIN_SIZE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class ChunkerTest {
    private static final Polynomial P = TestData.RESTIC_TEST_POLYNOMIAL;

    /** restic/chunker chunker_test.go, {@code chunks2}: zeros cut at every MinSize, fingerprint 0. */
    @Test
    void restic_vector_chunks2_four_times_min_size_zeros() throws IOException {
        List<Chunk> chunks = TestData.chunks(new Chunker(P), new byte[4 * 524288]);
        assertEquals(List.of(524288, 524288, 524288, 524288), TestData.lengths(chunks));
        assertEquals(Collections.nCopies(4, "07854d2fef297a06ba81685e660c332de36d5d18d546927d30daad6d7fda1541"),
                TestData.ids(chunks));
        assertEquals(List.of(0L, 524288L, 2 * 524288L, 3 * 524288L), chunks.stream().map(Chunk::offset).toList());
    }

    @Test
    void empty_input_gives_no_chunk() throws IOException {
        Chunker chunker = new Chunker(P).reset(InputStream.nullInputStream());
        assertNull(chunker.next());
        assertNull(chunker.next());
    }

    @Test
    void input_shorter_than_min_size_is_one_chunk() throws IOException {
        for (int size : new int[] {1, 100 * 1024, MIN_SIZE - 1}) {
            byte[] data = TestData.random(size, size);
            List<Chunk> chunks = TestData.chunks(new Chunker(P), data);
            assertEquals(1, chunks.size());
            assertArrayEquals(data, chunks.get(0).data());
        }
    }

    @Test
    void constant_nonzero_input_is_cut_at_max_size() throws IOException {
        byte[] data = new byte[2 * MAX_SIZE + 5];
        java.util.Arrays.fill(data, (byte) 0x55); // the window's fingerprint never has 20 low zero bits
        assertEquals(List.of(MAX_SIZE, MAX_SIZE, 5), TestData.lengths(TestData.chunks(new Chunker(P), data)));
    }

    @Test
    void chunks_are_fresh_arrays_of_their_exact_length() throws IOException {
        byte[] data = TestData.random(1, 6 * 1024 * 1024);
        List<Chunk> chunks = TestData.chunks(new Chunker(P), data);
        long offset = 0;
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            assertEquals(offset, c.offset());
            assertEquals(c.length(), c.data().length);
            assertArrayEquals(java.util.Arrays.copyOfRange(data, (int) offset, (int) offset + c.length()), c.data());
            if (i > 0) {
                assertNotSame(chunks.get(i - 1).data(), c.data());
            }
            offset += c.length();
        }
        assertEquals(data.length, offset);
    }

    @Test
    void reset_starts_a_new_file_and_forgets_the_old_one() throws IOException {
        byte[] first = TestData.random(2, 3 * 1024 * 1024);
        byte[] second = TestData.random(3, 3 * 1024 * 1024);
        Chunker chunker = new Chunker(P).reset(new ByteArrayInputStream(first));
        chunker.next(); // leave the first stream half read
        List<Chunk> again = TestData.chunks(chunker, second);
        List<Chunk> fresh = TestData.chunks(new Chunker(P), second);
        assertEquals(TestData.ids(fresh), TestData.ids(again));
        assertEquals(0, again.get(0).offset());
    }

    @Test
    void results_match_the_reference_for_random_data_and_odd_reads() throws IOException {
        byte[] data = TestData.concat(TestData.random(7, 11 * 1024 * 1024), TestData.repeat(TestData.random(8, 3000),
                9 * 1024 * 1024), TestData.random(7, 2 * 1024 * 1024));
        List<Integer> expected = new ReferenceChunker(P).chunkLengths(data);
        assertEquals(expected, TestData.lengths(TestData.chunks(new Chunker(P), data)));
        assertEquals(expected, TestData.lengths(TestData.chunks(new Chunker(P), TestData.jittery(data, 9, 70_000))));
    }

    @Test
    void next_before_reset_is_an_error() {
        assertThrows(IllegalStateException.class, () -> new Chunker(P).next());
    }

    @Test
    void read_errors_reach_the_caller() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };
        Chunker chunker = new Chunker(P).reset(failing);
        assertEquals("disk gone", assertThrows(IOException.class, chunker::next).getMessage());
    }
}
