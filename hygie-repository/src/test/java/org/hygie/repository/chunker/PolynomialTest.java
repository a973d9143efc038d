package org.hygie.repository.chunker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Known answers from restic/chunker's polynomials_test.go, and algebraic properties. */
class PolynomialTest {
    private static final long RESTIC = 0x3DA3358B4DC173L;

    @Test
    void degree_is_the_highest_set_bit() {
        assertEquals(-1, Polynomial.of(0).degree());
        assertEquals(0, Polynomial.of(1).degree());
        assertEquals(41, Polynomial.of(0x3af4b284899L).degree());
        assertEquals(53, Polynomial.of(RESTIC).degree());
        assertEquals(63, Polynomial.of(0x8000000000000000L).degree());
    }

    @Test
    void mod_matches_restic_known_answers() {
        assertEquals(10, Polynomial.mod(10, 50));
        assertEquals(0, Polynomial.mod(0, 1));
        assertEquals(1, Polynomial.mod(0b101101001, 0b1010));
        assertEquals(0, Polynomial.mod(2, 2));
        assertEquals(0, Polynomial.mod(0x8000000000000000L, 0x8000000000000000L));
        assertEquals(0, Polynomial.mod(0b1100001111, 0b10011));
        assertThrows(ArithmeticException.class, () -> Polynomial.of(5).mod(Polynomial.of(0)));
    }

    @Test
    void gcd_matches_restic_known_answers() {
        long[][] cases = {
            {10, 50, 2}, {0, 1, 1}, {0b101101001, 0b1010, 1}, {2, 2, 2}, {0b1010, 0b11, 0b11},
            {0x8000000000000000L, 0x8000000000000000L, 0x8000000000000000L}, {0b1100, 0b101, 0b11},
            {0b1100001111, 0b10011, 0b10011}, {RESTIC, RESTIC, RESTIC}, {RESTIC, 0x230d2259defdL, 1},
            {0x230d2259defdL, 0x51b492b3eff2L, 0b10011},
        };
        for (long[] c : cases) {
            assertEquals(c[2], Polynomial.of(c[0]).gcd(Polynomial.of(c[1])).value(), () -> c[0] + " " + c[1]);
            assertEquals(c[2], Polynomial.of(c[1]).gcd(Polynomial.of(c[0])).value(), () -> c[1] + " " + c[0]);
        }
    }

    @Test
    void mul_mod_matches_restic_known_answers() {
        assertEquals(0x22, Polynomial.mulMod(0x1230, 0x230, 0x55));
        assertEquals(0x425ae8595b7aL, Polynomial.mulMod(0x0eae8c07dbbb3026L, 0xd5d6db9de04771deL, 0xdd2bda3b77c9L));
        // products below 64 bits, reduced by a modulus above them, are plain products
        assertEquals(0b11010, Polynomial.mulMod(0b1101, 0b10, 1L << 62));
        assertEquals(0b1100001111, Polynomial.mulMod(0b10011, 0b110101, 1L << 62));
        assertEquals(0x1000000000000000L, Polynomial.mulMod(0x40000000L, 0x40000000L, 1L << 62 | 1));
    }

    @Test
    void irreducibility_matches_restic_known_answers() {
        assertTrue(Polynomial.of(RESTIC).isIrreducible());
        assertTrue(Polynomial.of(0x2482734cacca49L).isIrreducible());
        long[] reducible = {
            0x38f1e565e288dfL, 0x30a8295b9d5c91L, 0x255f4350b962cbL, 0x267f776110a235L, 0x2f4dae10d41227L,
            0x312daf4b284899L, 0x29dfb6553d01d1L, 0x3548245eb26257L, 0x3199e7ef4211b3L, 0x362f39017dae8bL,
            0x200d57aa6fdacbL, 0x35e0a4efa1d275L, 0x2ced55b026577fL, 0x260b012010893dL, 0x2df29cbcd59e9dL,
            0x3f2ac7488bd429L, 0x3e5cb1711669fbL, 0x226d8de57a9959L, 0x3c8de80aaf5835L, 0x2026a59efb219bL,
            0x39dfa4d13fb231L, 0x3143d0464b3299L,
        };
        for (long f : reducible) {
            assertFalse(Polynomial.of(f).isIrreducible(), Long.toHexString(f));
        }
    }

    @Test
    void small_polynomials_are_classified_correctly() {
        // irreducible over GF(2) up to degree 4: x, x+1, x²+x+1, x³+x+1, x³+x²+1, x⁴+x+1, x⁴+x³+1, x⁴+x³+x²+x+1
        long[] irreducible = {0b10, 0b11, 0b111, 0b1011, 0b1101, 0b10011, 0b11001, 0b11111};
        for (long f = 0; f < 32; f++) {
            boolean expected = false;
            for (long g : irreducible) {
                expected |= g == f;
            }
            assertEquals(expected, Polynomial.of(f).isIrreducible(), Long.toBinaryString(f));
        }
    }

    @Test
    void require_irreducible_rejects_a_reducible_repository_polynomial() {
        Polynomial good = Polynomial.parse("3da3358b4dc173");
        assertSame(good, good.requireIrreducible());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Polynomial.parse("38f1e565e288df").requireIrreducible());
        assertTrue(e.getMessage().contains("38f1e565e288df"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Chunker(Polynomial.of(0x38f1e565e288dfL)));
    }

    @Test
    void parse_and_format_use_restic_config_form() {
        assertEquals("3da3358b4dc173", Polynomial.of(RESTIC).hex());
        assertEquals("3da3358b4dc173", Polynomial.of(RESTIC).toString());
        assertEquals(RESTIC, Polynomial.parse("3DA3358B4DC173").value());
        assertEquals(RESTIC, Polynomial.parse("003da3358b4dc173").value());
        assertEquals("0", Polynomial.of(0).hex());
        assertEquals(-1L, Polynomial.parse("ffffffffffffffff").value());
        for (String bad : new String[] {"", "0x3da3", "+3da3", "-1", "3da_3", " 3da3", "3da3 ", "g", "10000000000000000",
                "\uff13"}) {
            assertThrows(IllegalArgumentException.class, () -> Polynomial.parse(bad), bad);
        }
    }

    @Test
    void random_polynomial_takes_the_first_irreducible_candidate() {
        // first candidate reducible (restic's test list), second one restic's test polynomial; high bits are masked
        Random source = bytes(0x38f1e565e288dfL, 0xFFC0000000000000L | RESTIC ^ 1L << 53 ^ 1, 0x2482734cacca49L);
        assertEquals(RESTIC, Polynomial.firstIrreducible(source).value());
    }

    @Test
    void random_polynomial_is_irreducible_of_degree_53() {
        Polynomial p = Polynomial.randomIrreducible(new SecureRandom());
        assertEquals(53, p.degree());
        assertEquals(1, p.value() & 1);
        assertTrue(p.isIrreducible());
    }

    @Property(tries = 200)
    void format_and_parse_round_trip(@ForAll long value) {
        Polynomial p = Polynomial.of(value);
        assertEquals(p, Polynomial.parse(p.hex()));
        assertEquals(p, Polynomial.parse(p.hex().toUpperCase()));
    }

    @Property(tries = 50)
    void products_of_two_polynomials_are_reducible(@ForAll("factors") long a, @ForAll("factors") long b) {
        long product = Polynomial.mulMod(a, b, 1L << 62); // degrees below 31 each: the exact product
        assertFalse(Polynomial.of(product).isIrreducible(), Long.toHexString(product));
        assertEquals(0, Polynomial.mod(product, a));
        assertEquals(a, Polynomial.gcd(product, a));
    }

    @Property(tries = 50)
    void gcd_divides_both_and_keeps_a_common_factor(@ForAll("smallFactors") long a, @ForAll("smallFactors") long b,
            @ForAll("smallFactors") long common) {
        Polynomial x = Polynomial.of(Polynomial.mulMod(a, common, 1L << 62));
        Polynomial y = Polynomial.of(Polynomial.mulMod(b, common, 1L << 62));
        Polynomial gcd = x.gcd(y);
        assertEquals(0, x.mod(gcd).value());
        assertEquals(0, y.mod(gcd).value());
        assertEquals(0, gcd.mod(Polynomial.of(common)).value());
    }

    @Property(tries = 20)
    void random_irreducibles_pass_ben_or_and_have_no_small_factor(@ForAll long seed) {
        Polynomial p = Polynomial.firstIrreducible(new Random(seed));
        assertEquals(53, p.degree());
        for (long f = 2; f < 1 << 12; f++) { // trial division by every polynomial of degree 1 to 11
            long factor = f;
            assertTrue(Polynomial.mod(p.value(), f) != 0, () -> p + " divisible by " + Long.toHexString(factor));
        }
    }

    @Provide
    Arbitrary<Long> factors() {
        return Arbitraries.longs().between(2, (1L << 30) - 1);
    }

    @Provide
    Arbitrary<Long> smallFactors() {
        return Arbitraries.longs().between(1, (1L << 20) - 1);
    }

    /** A source whose nextBytes yields the given values, each as 8 little-endian bytes. */
    private static Random bytes(long... values) {
        Deque<Long> queue = new ArrayDeque<>();
        for (long v : values) {
            queue.add(v);
        }
        return new Random() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] out) {
                long v = queue.remove();
                for (int i = 0; i < out.length; i++) {
                    out[i] = (byte) (v >>> 8 * i);
                }
            }
        };
    }
}
