package org.hygie.repository.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CryptoKeyTest {
    private static final HexFormat HEX = HexFormat.of();

    /** restic's internal/crypto/crypto_int_test.go vector, with an unclamped r. */
    private static CryptoKey resticTestKey() {
        return new CryptoKey(HEX.parseHex("303e8687b1d7db18421bdc6bb8588ccadac4d59ee87b8ff70c44e635790cafef"),
                HEX.parseHex("ef4d8824cb80b2bcc5fbff8a9b12a42c"), HEX.parseHex("cc8d4b948ee0ebfe1d415de921d10353"));
    }

    @Test
    void decryptsResticsTestVector() throws CryptoException {
        byte[] stored = HEX.parseHex("69fb41c62d12def4593bd71757138606338f621aeaeb39da0fe4f99233f8037a54ea63338a813bcf"
                + "3f75d8c3cc75dddf8750");
        assertEquals("Dies ist ein Test!", new String(resticTestKey().decrypt(stored), StandardCharsets.US_ASCII));
    }

    @Test
    void anyFlippedBitIsRejected() {
        byte[] stored = HEX.parseHex("69fb41c62d12def4593bd71757138606338f621aeaeb39da0fe4f99233f8037a54ea63338a813bcf"
                + "3f75d8c3cc75dddf8750");
        for (int i = 0; i < stored.length; i++) {
            byte[] bad = stored.clone();
            bad[i] ^= 0x10;
            assertThrows(CryptoException.class, () -> resticTestKey().decrypt(bad), "byte " + i);
        }
    }

    @Test
    void tooShortIsRejected() {
        assertThrows(CryptoException.class, () -> resticTestKey().decrypt(new byte[31]));
    }

    @Test
    void clampingFollowsPoly1305() {
        byte[] r = new byte[16];
        java.util.Arrays.fill(r, (byte) 0xff);
        assertArrayEquals(HEX.parseHex("ffffff0ffcffff0ffcffff0ffcffff0f"), CryptoKey.clamp(r));
    }

    @Property(tries = 50)
    void roundTrips(@ForAll @Size(max = 70000) byte[] plain) throws CryptoException {
        CryptoKey k = CryptoKey.random();
        byte[] stored = k.encrypt(plain);
        assertEquals(plain.length + CryptoKey.OVERHEAD, stored.length);
        assertArrayEquals(plain, k.decrypt(stored));
    }

    @Test
    void anotherKeyCannotDecrypt() {
        byte[] stored = CryptoKey.random().encrypt(new byte[100]);
        assertThrows(CryptoException.class, () -> CryptoKey.random().decrypt(stored));
    }
}
