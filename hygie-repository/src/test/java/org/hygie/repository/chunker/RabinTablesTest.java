package org.hygie.repository.chunker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RabinTablesTest {
    private static final Polynomial P = TestData.RESTIC_TEST_POLYNOMIAL;

    @Test
    void out_removes_a_byte_that_has_been_64_bytes_in_the_window() {
        RabinTables tables = RabinTables.of(P);
        // x^(8·63) mod P: a byte followed by 63 bytes is multiplied by this
        long x504 = 1;
        for (int i = 0; i < 8 * 63; i++) {
            x504 = Polynomial.mulMod(x504, 2, P.value());
        }
        assertEquals(0, tables.out[0]);
        for (int b = 0; b < 256; b++) {
            assertEquals(Polynomial.mulMod(b, x504, P.value()), tables.out[b], "out[" + b + "]");
        }
    }

    @Test
    void mod_cancels_the_eight_bits_above_the_degree() {
        RabinTables tables = RabinTables.of(P);
        assertEquals(45, tables.shift);
        for (int b = 0; b < 256; b++) {
            assertEquals(b, tables.mod[b] >>> 53, "high part of mod[" + b + "]");
            assertEquals(Polynomial.mod((long) b << 53, P.value()), tables.mod[b] & ((1L << 53) - 1));
        }
    }

    @Test
    void tables_are_computed_once_per_polynomial() {
        assertSame(RabinTables.of(P), RabinTables.of(Polynomial.of(P.value())));
    }

    @Test
    void unusable_polynomials_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> RabinTables.of(Polynomial.of(0x38f1e565e288dfL)));
        assertThrows(IllegalArgumentException.class, () -> RabinTables.of(Polynomial.of(0b111))); // degree 2
        assertThrows(IllegalArgumentException.class, () -> RabinTables.of(Polynomial.of(0)));
        // irreducible of degree 63 (x^63 + x + 1): the digest would not fit
        assertTrue(Polynomial.of(1L << 63 | 0b11).isIrreducible());
        assertThrows(IllegalArgumentException.class, () -> RabinTables.of(Polynomial.of(1L << 63 | 0b11)));
    }
}
