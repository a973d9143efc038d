package org.hygie.repository.chunker;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The two lookup tables of one polynomial P of degree k (restic-format.md §6.3), computed once per polynomial and
 * shared by every chunker using it. The arrays are never written after construction.
 *
 * <ul>
 *   <li>{@code out[b]}: the fingerprint of the window {@code [b, 0 × 63]}; XOR-ing it removes byte b when it leaves
 *       the 64-byte window.</li>
 *   <li>{@code mod[b]}: {@code (b·x^k mod P) | b·x^k}; XOR-ing it after a shift by 8 cancels the 8 bits above the
 *       degree and adds their reduction.</li>
 * </ul>
 */
final class RabinTables {
    static final int WINDOW_SIZE = 64;
    /** restic's chunker refuses polynomials of a higher degree: the digest is shifted by 8 within 64 bits. */
    static final int MAX_DEGREE = 53;
    static final int MIN_DEGREE = 8;

    private static final int CACHE_LIMIT = 64;
    private static final Map<Polynomial, RabinTables> CACHE = new ConcurrentHashMap<>();

    final long[] out = new long[256];
    final long[] mod = new long[256];
    /** {@code degree − 8}: the digest's top byte, {@code digest >>> shift}, indexes {@link #mod}. */
    final int shift;

    private RabinTables(Polynomial polynomial) {
        long p = polynomial.value();
        int degree = polynomial.degree();
        shift = degree - 8;
        for (int b = 0; b < 256; b++) {
            long h = Polynomial.mod(b, p);
            for (int i = 0; i < WINDOW_SIZE - 1; i++) {
                h = Polynomial.mod(h << 8, p);
            }
            out[b] = h;
            long high = (long) b << degree;
            mod[b] = Polynomial.mod(high, p) | high;
        }
    }

    /**
     * The tables for {@code polynomial}, from the cache when present. The polynomial must be irreducible with a
     * degree from 8 to 53, as restic's chunker needs; otherwise an {@link IllegalArgumentException}.
     */
    static RabinTables of(Polynomial polynomial) {
        RabinTables cached = CACHE.get(polynomial);
        if (cached != null) {
            return cached;
        }
        int degree = polynomial.degree();
        if (degree < MIN_DEGREE || degree > MAX_DEGREE) {
            throw new IllegalArgumentException("chunker polynomial " + polynomial.hex() + " has degree " + degree
                    + ", not " + MIN_DEGREE + " to " + MAX_DEGREE);
        }
        polynomial.requireIrreducible();
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear(); // a process uses one or two repository polynomials; tests may use many
        }
        return CACHE.computeIfAbsent(polynomial, RabinTables::new);
    }
}
