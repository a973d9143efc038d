package org.hygie.repository.chunker;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

import org.hygie.repository.id.Id;

/** Deterministic test inputs and helpers shared by the chunker tests. */
final class TestData {
    /** restic/chunker's test polynomial (chunker_test.go). */
    static final Polynomial RESTIC_TEST_POLYNOMIAL = Polynomial.of(0x3DA3358B4DC173L);

    private TestData() {
    }

    /** {@code length} pseudo-random bytes from {@code seed}. */
    static byte[] random(long seed, int length) {
        byte[] data = new byte[length];
        new SplittableRandom(seed).nextBytes(data);
        return data;
    }

    /** {@code block} repeated until {@code length} bytes. */
    static byte[] repeat(byte[] block, int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i += block.length) {
            System.arraycopy(block, 0, data, i, Math.min(block.length, length - i));
        }
        return data;
    }

    static byte[] concat(byte[]... parts) {
        int total = 0;
        for (byte[] part : parts) {
            total += part.length;
        }
        byte[] data = new byte[total];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, data, at, part.length);
            at += part.length;
        }
        return data;
    }

    /** All chunks of {@code in}, read to the end. */
    static List<Chunk> chunks(Chunker chunker, InputStream in) throws IOException {
        List<Chunk> chunks = new ArrayList<>();
        chunker.reset(in);
        for (Chunk chunk = chunker.next(); chunk != null; chunk = chunker.next()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    static List<Chunk> chunks(Chunker chunker, byte[] data) throws IOException {
        return chunks(chunker, new ByteArrayInputStream(data));
    }

    static List<Integer> lengths(List<Chunk> chunks) {
        return chunks.stream().map(Chunk::length).toList();
    }

    /** restic's blob ids: the SHA-256 of each chunk, in hex. */
    static List<String> ids(List<Chunk> chunks) {
        return chunks.stream().map(c -> Id.hash(c.data()).hex()).toList();
    }

    static String sha256(byte[] data) {
        MessageDigest md = Id.sha256();
        return HexFormat.of().formatHex(md.digest(data));
    }

    /**
     * 64 bytes whose fingerprint (modulo {@code polynomial}) has its low 20 bits zero: wherever they lie in a chunk
     * after its first {@code MIN_SIZE − 64} bytes, the chunk may end after them. Found by trying 56 random bytes
     * followed by a counter (about a million tries), with plain polynomial reduction, not the chunker's tables.
     */
    static byte[] cutWindow(Polynomial polynomial) {
        return CUT_WINDOWS.computeIfAbsent(polynomial, TestData::searchCutWindow).clone();
    }

    private static final Map<Polynomial, byte[]> CUT_WINDOWS = new ConcurrentHashMap<>();

    private static byte[] searchCutWindow(Polynomial polynomial) {
        long p = polynomial.value();
        byte[] window = random(64, Chunker.WINDOW_SIZE);
        long prefix = 0;
        for (int i = 0; i < window.length - Long.BYTES; i++) {
            prefix = Polynomial.mod(prefix << 8 | (window[i] & 0xFF), p);
        }
        for (long counter = 0; ; counter++) {
            long h = prefix;
            for (int shift = 56; shift >= 0; shift -= 8) {
                h = Polynomial.mod(h << 8 | (counter >>> shift & 0xFF), p);
            }
            if ((h & Chunker.SPLIT_MASK) == 0) {
                for (int i = 0; i < Long.BYTES; i++) {
                    window[window.length - Long.BYTES + i] = (byte) (counter >>> (56 - 8 * i));
                }
                return window;
            }
        }
    }

    /** An input stream that returns at most a random number of bytes per read, to shake the chunker's buffering. */
    static InputStream jittery(byte[] data, long seed, int maxRead) {
        SplittableRandom random = new SplittableRandom(seed);
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(maxRead)));
            }
        };
    }
}
