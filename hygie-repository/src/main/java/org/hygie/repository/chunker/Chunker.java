package org.hygie.repository.chunker;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Splits a stream into content-defined chunks exactly as restic 0.14 does (restic-format.md §6.4): a chunk ends
 * after the byte where the Rabin fingerprint of the last 64 bytes has its low 20 bits zero, but never before
 * {@link #MIN_SIZE} bytes and at the latest at {@link #MAX_SIZE}. The first {@code MIN_SIZE − 64} bytes of a chunk
 * are not hashed, so the fingerprint only ever covers bytes of the current chunk.
 *
 * <p>Use: one chunker per polynomial and thread, {@link #reset(InputStream) reset} for each file, then
 * {@link #next()} until it returns null, or {@link #nextCut()} until it returns 0 to read each chunk in place. The lookup tables are shared between all chunkers of a polynomial, so
 * creating one per file is cheap too. The chunker reads the stream in large blocks and never closes it. A chunker
 * is not thread-safe; the {@link Chunk}s it returns are owned by the caller and may cross threads.
 *
 * <p>Memory: the chunker keeps a read buffer that grows with need up to {@code MAX_SIZE} plus 256 KiB and is kept
 * across {@link #reset}s. {@link #next()} copies each chunk once, into its own array; {@link #nextCut()} copies
 * nothing.
 */
public final class Chunker {
    public static final int WINDOW_SIZE = RabinTables.WINDOW_SIZE;
    public static final int MIN_SIZE = 512 * 1024;
    public static final int MAX_SIZE = 8 * 1024 * 1024;
    /** A cut needs {@code (fingerprint & SPLIT_MASK) == 0}: about one chunk per MiB beyond {@code MIN_SIZE}. */
    public static final long SPLIT_MASK = (1L << 20) - 1;

    /** How far the chunker reads ahead of what it needs; bounds the bytes moved after each cut. */
    private static final int READ_AHEAD = 256 * 1024;
    private static final int INITIAL_CAPACITY = 64 * 1024;
    private static final int MAX_CAPACITY = MAX_SIZE + READ_AHEAD;
    private static final int MIN_ROOM = INITIAL_CAPACITY;
    /** Bytes hashed by each of the two lanes of {@link #cutIn} at a time. */
    private static final int LANE = 16 * 1024;

    private final Polynomial polynomial;
    private final long[] out;
    private final long[] mod;
    private final int shift;

    private InputStream in;
    private boolean eof;
    /** Bytes read but not yet returned; the current chunk starts at {@code buffer[0]}. */
    private byte[] buffer = new byte[INITIAL_CAPACITY];
    private int filled;
    /** Position in the file of {@code buffer[0]}. */
    private long offset;
    /** Length of the chunk {@link #nextCut()} returned last, still at the front of the buffer. */
    private int returned;

    /**
     * A chunker for the repository polynomial {@code polynomial}, which must be irreducible and of degree 8 to 53
     * (restic's are of degree 53); otherwise an {@link IllegalArgumentException}.
     */
    public Chunker(Polynomial polynomial) {
        RabinTables tables = RabinTables.of(polynomial);
        this.polynomial = polynomial;
        this.out = tables.out;
        this.mod = tables.mod;
        this.shift = tables.shift;
    }

    public Polynomial polynomial() {
        return polynomial;
    }

    /** Starts a new file: forgets any unread bytes of the previous stream and reads {@code in} from here on. */
    public Chunker reset(InputStream in) {
        this.in = Objects.requireNonNull(in, "in");
        this.eof = false;
        this.filled = 0;
        this.offset = 0;
        this.returned = 0;
        return this;
    }

    /**
     * The next chunk of the stream, or null once it is exhausted (an empty stream gives no chunk at all). Every
     * chunk but the last has {@code MIN_SIZE} to {@code MAX_SIZE} bytes; the last may be shorter. After an
     * {@link IOException} the chunker must be {@link #reset} before further use.
     */
    public Chunk next() throws IOException {
        long at = offset + returned;
        int n = nextCut();
        return n == 0 ? null : new Chunk(Arrays.copyOf(buffer, n), at);
    }

    /**
     * Finds the next chunk without copying it: returns its length {@code n}, its bytes being {@code bytes()[0, n)}
     * until the next call, or 0 once the stream is exhausted. Same chunks as {@link #next()}.
     */
    public int nextCut() throws IOException {
        if (in == null) {
            throw new IllegalStateException("reset(InputStream) first");
        }
        if (returned > 0) {
            System.arraycopy(buffer, returned, buffer, 0, filled - returned);
            filled -= returned;
            offset += returned;
            returned = 0;
        }
        returned = cut();
        return returned;
    }

    /** The chunker's buffer: the chunk {@link #nextCut()} returned last is at its start. Not a copy. */
    public byte[] bytes() {
        return buffer;
    }

    /** Where in the file the chunk {@link #nextCut()} returned last starts. */
    public long cutOffset() {
        return offset;
    }

    /** The length of the next chunk, which starts at {@code buffer[0]}; 0 at the end of the stream. */
    private int cut() throws IOException {
        fillTo(MIN_SIZE);
        if (filled < MIN_SIZE) { // end of stream: what is left is the last chunk
            return filled;
        }
        // The first cut may fall after byte MIN_SIZE - 1: the window then holds bytes [MIN_SIZE - 64, MIN_SIZE).
        int from = MIN_SIZE - 1;
        while (true) {
            int to = Math.min(filled, MAX_SIZE);
            int at = cutIn(buffer, from, to);
            if (at >= 0) {
                return at + 1;
            }
            from = to;
            if (to == MAX_SIZE) {
                return MAX_SIZE;
            }
            if (!readMore()) {
                return filled;
            }
        }
    }

    /**
     * The first position {@code p} in {@code [from, to)} where the fingerprint of the window {@code buf[p - 63, p]}
     * has its low 20 bits zero, or -1. Needs {@code from >= 64}. The fingerprint of a window depends on its 64 bytes
     * only, so the range is taken {@code 2·LANE} bytes at a time, whose two halves are hashed side by side, which the
     * processor runs in parallel: each hash step waits for the previous one (a table lookup indexed by its result),
     * two independent chains do not wait for each other. What is left at the end is hashed in one chain.
     */
    private int cutIn(byte[] buf, int from, int to) {
        while (to - from >= 2 * LANE) {
            int at = cutInTwoLanes(buf, from, from + LANE);
            if (at >= 0) {
                return at;
            }
            from += 2 * LANE;
        }
        return from < to ? cutInOneLane(buf, from, to, windowBefore(buf, from)) : -1;
    }

    /** {@link #cutIn} over {@code [a, a + 2·LANE)}: lane one hashes {@code [a, b)}, lane two {@code [b, b + LANE)}. */
    private int cutInTwoLanes(byte[] buf, int a, int b) {
        final long[] out = this.out;
        final long[] mod = this.mod;
        final int shift = this.shift;
        long da = windowBefore(buf, a);
        long db = windowBefore(buf, b);
        int i = a;
        int j = b;
        for (; i < b; i++, j++) {
            da ^= out[buf[i - WINDOW_SIZE] & 0xFF];
            da = (da << 8 | (buf[i] & 0xFF)) ^ mod[(int) (da >>> shift)];
            db ^= out[buf[j - WINDOW_SIZE] & 0xFF];
            db = (db << 8 | (buf[j] & 0xFF)) ^ mod[(int) (db >>> shift)];
            if (((da & SPLIT_MASK) == 0) | ((db & SPLIT_MASK) == 0)) {
                break;
            }
        }
        if (i == b) {
            return -1;
        }
        if ((da & SPLIT_MASK) == 0) {
            return i;
        }
        int before = cutInOneLane(buf, i + 1, b, da); // lane two found j: lane one must finish first
        return before >= 0 ? before : j;
    }

    /** {@link #cutIn} in one lane; {@code digest} is the fingerprint of the window ending just before {@code from}. */
    private int cutInOneLane(byte[] buf, int from, int to, long digest) {
        final long[] out = this.out;
        final long[] mod = this.mod;
        final int shift = this.shift;
        for (int i = from; i < to; i++) {
            digest ^= out[buf[i - WINDOW_SIZE] & 0xFF];
            digest = (digest << 8 | (buf[i] & 0xFF)) ^ mod[(int) (digest >>> shift)];
            if ((digest & SPLIT_MASK) == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The fingerprint of the 64 bytes before {@code at}: {@code buf[at - 64, at)}. */
    private long windowBefore(byte[] buf, int at) {
        final long[] mod = this.mod;
        final int shift = this.shift;
        long digest = 0;
        for (int i = at - WINDOW_SIZE; i < at; i++) {
            digest = (digest << 8 | (buf[i] & 0xFF)) ^ mod[(int) (digest >>> shift)];
        }
        return digest;
    }

    /** Reads until {@code target} bytes are buffered or the stream ends. */
    private void fillTo(int target) throws IOException {
        while (filled < target && !eof) {
            read(target - filled);
        }
    }

    /** Reads at least one more byte unless the stream has ended; false at the end. */
    private boolean readMore() throws IOException {
        int before = filled;
        while (filled == before && !eof) {
            read(1);
        }
        return filled > before;
    }

    /**
     * One read call asking for {@code wanted} bytes or {@link #READ_AHEAD}, whichever is more, as room allows. The
     * buffer doubles when less than {@link #MIN_ROOM} is free, so small files keep a small buffer and large ones
     * are read in large blocks. Reads happen only while {@code filled < MAX_SIZE}, so room never runs out.
     */
    private void read(int wanted) throws IOException {
        if (buffer.length - filled < MIN_ROOM && buffer.length < MAX_CAPACITY) {
            buffer = Arrays.copyOf(buffer, Math.min(MAX_CAPACITY, 2 * buffer.length));
        }
        int n = in.read(buffer, filled, Math.min(buffer.length - filled, Math.max(wanted, READ_AHEAD)));
        if (n < 0) {
            eof = true;
        } else {
            filled += n;
        }
    }
}
