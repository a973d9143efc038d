package org.hygie.repository.chunker;

import static org.hygie.repository.chunker.Chunker.MAX_SIZE;
import static org.hygie.repository.chunker.Chunker.MIN_SIZE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/** {@link Chunker} against {@link ReferenceChunker} on generated inputs, polynomials and read patterns. */
class ChunkerPropertiesTest {
    private static final int MIB = 1024 * 1024;
    private static final int MAX_TOTAL = 24 * MIB;

    @Property(tries = 100)
    void chunks_rebuild_the_input_within_bounds_and_match_the_reference(@ForAll("inputs") Input input,
            @ForAll("polynomials") Polynomial polynomial, @ForAll("reads") Reads reads) throws IOException {
        byte[] data = input.bytes();
        List<Chunk> chunks = TestData.chunks(new Chunker(polynomial), reads.open(data));

        int offset = 0;
        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = chunks.get(i);
            boolean last = i == chunks.size() - 1;
            assertTrue(chunk.length() <= MAX_SIZE && chunk.length() >= (last ? 1 : MIN_SIZE),
                    "chunk " + i + " has " + chunk.length() + " bytes");
            assertEquals(offset, chunk.offset());
            assertArrayEquals(Arrays.copyOfRange(data, offset, offset + chunk.length()), chunk.data());
            offset += chunk.length();
        }
        assertEquals(data.length, offset, "chunks cover the input");
        assertEquals(new ReferenceChunker(polynomial).chunkLengths(data), TestData.lengths(chunks));

        List<Integer> cuts = TestData.lengths(chunks).subList(0, Math.max(0, chunks.size() - 1));
        Statistics.label("size").collect(data.length == 0 ? "empty" : data.length < MIN_SIZE ? "< min"
                : data.length <= MAX_SIZE ? "min..max" : "> max");
        Statistics.label("cut at min").collect(cuts.contains(MIN_SIZE));
        Statistics.label("cut at max").collect(cuts.contains(MAX_SIZE));
        Statistics.label("content cut").collect(cuts.stream().anyMatch(n -> n > MIN_SIZE && n < MAX_SIZE));
    }

    /** Chunks read in place ({@link Chunker#nextCut}) are those {@link Chunker#next} copies out, byte for byte. */
    @Property(tries = 40)
    void chunks_read_in_place_are_the_copied_chunks(@ForAll("inputs") Input input,
            @ForAll("polynomials") Polynomial polynomial, @ForAll("reads") Reads reads) throws IOException {
        byte[] data = input.bytes();
        List<Chunk> copied = TestData.chunks(new Chunker(polynomial), reads.open(data));
        Chunker inPlace = new Chunker(polynomial).reset(reads.open(data));
        for (Chunk expected : copied) {
            int n = inPlace.nextCut();
            assertEquals(expected.length(), n);
            assertEquals(expected.offset(), inPlace.cutOffset());
            assertArrayEquals(expected.data(), Arrays.copyOf(inPlace.bytes(), n));
        }
        assertEquals(0, inPlace.nextCut(), "then the end");
        assertEquals(0, inPlace.nextCut(), "and it stays at the end");
    }

    /**
     * Windows whose fingerprint ends a chunk, planted close to one another in random bytes: the chunker (which hashes
     * stretches of a chunk side by side) ends each chunk at the first of them, as the reference does byte by byte,
     * whichever stretch each one falls in.
     */
    @Property(tries = 200)
    void the_first_cut_wins_wherever_the_cuts_fall(@ForAll("plantedCuts") List<Integer> at, @ForAll long seed,
            @ForAll("reads") Reads reads) throws IOException {
        byte[] data = TestData.random(seed, MIN_SIZE + 3 * PLANT_RANGE);
        byte[] window = TestData.cutWindow(TestData.RESTIC_TEST_POLYNOMIAL);
        for (int end : at) { // the window's last byte at `end`: a chunk may end after it
            System.arraycopy(window, 0, data, end - window.length + 1, window.length);
        }
        List<Integer> lengths = TestData.lengths(
                TestData.chunks(new Chunker(TestData.RESTIC_TEST_POLYNOMIAL), reads.open(data)));

        assertEquals(new ReferenceChunker(TestData.RESTIC_TEST_POLYNOMIAL).chunkLengths(data), lengths);
        int firstPlanted = at.stream().filter(end -> end >= MIN_SIZE - 1).mapToInt(end -> end + 1).min()
                .orElse(Integer.MAX_VALUE);
        assertTrue(lengths.get(0) <= firstPlanted, "the first chunk ends at the first planted window at the latest");
        Statistics.label("first chunk ends at a planted window").collect(lengths.get(0) == firstPlanted);
    }

    private static final int PLANT_RANGE = 100_000;

    /** Up to four window ends after {@code MIN_SIZE − 100}, each a random distance (up to 40 KB) after the previous. */
    @Provide
    Arbitrary<List<Integer>> plantedCuts() {
        Arbitrary<Integer> first = Arbitraries.integers().between(MIN_SIZE - 100, MIN_SIZE + PLANT_RANGE);
        Arbitrary<List<Integer>> gaps = Arbitraries.integers().between(64, 40_000).list().ofMaxSize(3);
        return Combinators.combine(first, gaps).as((start, next) -> {
            List<Integer> ends = new ArrayList<>(List.of(start));
            for (int gap : next) {
                ends.add(ends.get(ends.size() - 1) + gap);
            }
            Collections.shuffle(ends, new Random(start)); // planted in any order; none overlaps another
            return ends;
        });
    }

    /** The test input: up to three segments of random bytes, zeros or a repeated random block. */
    record Input(List<Segment> segments) {
        byte[] bytes() {
            return TestData.concat(segments.stream().map(Segment::bytes).toArray(byte[][]::new));
        }

        int length() {
            return segments.stream().mapToInt(Segment::length).sum();
        }
    }

    /** {@code period} 0: random; −1: zeros; n > 0: a random block of n bytes, repeated. */
    record Segment(int length, int period, long seed) {
        byte[] bytes() {
            if (period == 0) {
                return TestData.random(seed, length);
            }
            if (period < 0) {
                return new byte[length];
            }
            return TestData.repeat(TestData.random(seed, period), length);
        }
    }

    /** How the stream hands out its bytes: all it can, or at most {@code maxRead} per call. */
    record Reads(int maxRead, long seed) {
        InputStream open(byte[] data) {
            return maxRead == 0 ? new ByteArrayInputStream(data) : TestData.jittery(data, seed, maxRead);
        }
    }

    @Provide
    Arbitrary<Input> inputs() {
        return segments().list().ofMinSize(1).ofMaxSize(3).map(Input::new).filter(i -> i.length() <= MAX_TOTAL);
    }

    private Arbitrary<Segment> segments() {
        Arbitrary<Integer> lengths = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(0)),
                Tuple.of(4, Arbitraries.integers().between(1, MIN_SIZE - 1)),
                Tuple.of(4, Arbitraries.integers().between(MIN_SIZE - 100, MIN_SIZE + 100)),
                Tuple.of(5, Arbitraries.integers().between(MIN_SIZE, 4 * MIB)),
                Tuple.of(3, Arbitraries.integers().between(MAX_SIZE - 100, MAX_SIZE + 100)),
                Tuple.of(2, Arbitraries.integers().between(MAX_SIZE + 1, 12 * MIB)));
        Arbitrary<Integer> periods = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.just(-1)),
                Tuple.of(2, Arbitraries.integers().between(1, 4096)),
                Tuple.of(2, Arbitraries.integers().between(MIN_SIZE / 2, 3 * MIB)));
        return Combinators.combine(lengths, periods, Arbitraries.longs()).as(Segment::new);
    }

    @Provide
    Arbitrary<Polynomial> polynomials() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(TestData.RESTIC_TEST_POLYNOMIAL)),
                Tuple.of(4, Arbitraries.longs().map(seed -> Polynomial.firstIrreducible(new Random(seed)))));
    }

    @Provide
    Arbitrary<Reads> reads() {
        Arbitrary<Integer> maxReads = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(0)),
                Tuple.of(2, Arbitraries.integers().between(4096, 2 * MIB)),
                Tuple.of(1, Arbitraries.integers().between(1, 300)));
        return Combinators.combine(maxReads, Arbitraries.longs()).as(Reads::new);
    }
}
