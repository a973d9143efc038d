package org.hygie.repository.chunker;

import java.security.SecureRandom;
import java.util.Random;

/**
 * A polynomial over GF(2) held in a {@code long}: bit i is the coefficient of x^i, addition is XOR. The values
 * are unsigned; every method works for all 64 bits. This is restic's {@code chunker.Pol}; the repository's
 * chunker polynomial is one of these, written in {@code config} as {@link #hex() lower-case hex}.
 */
public record Polynomial(long value) {
    /** Degree of the polynomials restic draws at init: the largest prime below 64 − 8. */
    public static final int RANDOM_DEGREE = 53;

    /** restic gives up after this many random candidates (it never happens in practice). */
    static final int MAX_TRIES = 1_000_000;

    private static final long X = 2;

    public static Polynomial of(long value) {
        return new Polynomial(value);
    }

    /** Index of the highest set bit; −1 for the zero polynomial. */
    public int degree() {
        return 63 - Long.numberOfLeadingZeros(value);
    }

    public Polynomial add(Polynomial other) {
        return new Polynomial(value ^ other.value);
    }

    /** The remainder of this divided by {@code divisor}; {@link ArithmeticException} if the divisor is zero. */
    public Polynomial mod(Polynomial divisor) {
        return new Polynomial(mod(value, divisor.value));
    }

    /** {@code this · factor mod modulus}, without overflow whatever the degrees. */
    public Polynomial mulMod(Polynomial factor, Polynomial modulus) {
        return new Polynomial(mulMod(value, factor.value, modulus.value));
    }

    /** The greatest common divisor (gcd(0, f) = f). */
    public Polynomial gcd(Polynomial other) {
        return new Polynomial(gcd(value, other.value));
    }

    /**
     * Ben-Or's test, as restic does it: for i = 1 … deg/2, gcd(this, x^(2^i) − x mod this) must be 1. Constants
     * (0 and 1) are not irreducible here; restic's loop never runs for them and says they are, but no chunker can
     * use them, so a repository holding one is refused either way.
     */
    public boolean isIrreducible() {
        int degree = degree();
        if (degree < 1) {
            return false;
        }
        long power = mod(X, value); // x^(2^i) mod this, squared once per round
        for (int i = 1; i <= degree / 2; i++) {
            power = mulMod(power, power, value);
            if (gcd(value, mod(power ^ X, value)) != 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns this polynomial if it is irreducible; otherwise an {@link IllegalArgumentException}. restic refuses
     * to open a repository whose {@code config} holds a reducible polynomial.
     */
    public Polynomial requireIrreducible() {
        if (!isIrreducible()) {
            throw new IllegalArgumentException("chunker polynomial " + hex() + " is not irreducible");
        }
        return this;
    }

    /**
     * A new repository's polynomial, chosen as restic chooses it: 8 random bytes read as a little-endian number,
     * bits above 53 cleared, bits 53 and 0 set, the first irreducible candidate kept.
     */
    public static Polynomial randomIrreducible(SecureRandom random) {
        return firstIrreducible(random);
    }

    /** {@link #randomIrreducible}, from any source of bytes (tests use a seeded one). */
    static Polynomial firstIrreducible(Random source) {
        byte[] bytes = new byte[8];
        for (int tries = 0; tries < MAX_TRIES; tries++) {
            source.nextBytes(bytes);
            Polynomial candidate = candidate(bytes);
            if (candidate.isIrreducible()) {
                return candidate;
            }
        }
        throw new IllegalStateException("no irreducible polynomial found in " + MAX_TRIES + " tries");
    }

    /** restic's candidate from 8 bytes: little-endian, bits 0–53 kept, bits 53 and 0 set. */
    static Polynomial candidate(byte[] eightBytes) {
        long f = 0;
        for (int i = 7; i >= 0; i--) {
            f = f << 8 | (eightBytes[i] & 0xFF);
        }
        f &= (1L << (RANDOM_DEGREE + 1)) - 1;
        f |= 1L << RANDOM_DEGREE | 1;
        return new Polynomial(f);
    }

    /**
     * Parses the {@code config} form: hex digits of either case, no prefix or sign, at most 64 bits (Go's
     * {@code strconv.ParseUint(s, 16, 64)}). Anything else is an {@link IllegalArgumentException}.
     */
    public static Polynomial parse(String hex) {
        if (hex == null || hex.isEmpty()) {
            throw new IllegalArgumentException("empty chunker polynomial");
        }
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                throw new IllegalArgumentException("chunker polynomial is not hex: " + hex);
            }
        }
        try {
            return new Polynomial(Long.parseUnsignedLong(hex, 16));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("chunker polynomial exceeds 64 bits: " + hex, e);
        }
    }

    /** The {@code config} form: lower-case hex, no prefix, no leading zeros ("0" for zero). */
    public String hex() {
        return Long.toHexString(value);
    }

    @Override
    public String toString() {
        return hex();
    }

    static long mod(long a, long divisor) {
        if (divisor == 0) {
            throw new ArithmeticException("polynomial division by zero");
        }
        int d = 63 - Long.numberOfLeadingZeros(divisor);
        for (int da = 63 - Long.numberOfLeadingZeros(a); da >= d; da = 63 - Long.numberOfLeadingZeros(a)) {
            a ^= divisor << (da - d);
        }
        return a;
    }

    static long mulMod(long a, long f, long modulus) {
        int d = 63 - Long.numberOfLeadingZeros(modulus);
        a = mod(a, modulus);
        long top = 1L << d; // deg(a) < d, so a << 1 still fits in 64 bits
        long result = 0;
        for (; f != 0; f >>>= 1) {
            if ((f & 1) != 0) {
                result ^= a;
            }
            a <<= 1;
            if ((a & top) != 0) {
                a ^= modulus;
            }
        }
        return result;
    }

    static long gcd(long a, long b) {
        while (b != 0) {
            long r = mod(a, b);
            a = b;
            b = r;
        }
        return a;
    }
}
