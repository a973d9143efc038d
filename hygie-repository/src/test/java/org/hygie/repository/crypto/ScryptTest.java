package org.hygie.repository.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.generators.SCrypt;
import org.junit.jupiter.api.Test;

/** The hand-written scrypt against RFC 7914 §12 and against BouncyCastle's. */
class ScryptTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void rfc7914PasswordNaCl() {
        assertArrayEquals(HEX.parseHex("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                + "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"),
                Scrypt.derive(bytes("password"), bytes("NaCl"), 1024, 8, 16, 64));
    }

    @Test
    void rfc7914PleaseLetMeIn() {
        assertArrayEquals(HEX.parseHex("7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
                + "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887"),
                Scrypt.derive(bytes("pleaseletmein"), bytes("SodiumChloride"), 16384, 8, 1, 64));
    }

    @Property(tries = 60)
    void equalsBouncyCastle(@ForAll @Size(min = 1, max = 80) byte[] password, @ForAll @Size(max = 80) byte[] salt,
            @ForAll @IntRange(min = 1, max = 10) int log2n, @ForAll @IntRange(min = 1, max = 9) int r,
            @ForAll @IntRange(min = 1, max = 3) int p, @ForAll @IntRange(min = 1, max = 100) int dkLen) {
        int n = 1 << log2n;
        assertArrayEquals(SCrypt.generate(password, salt, n, r, p, dkLen), Scrypt.derive(password, salt, n, r, p,
                dkLen));
    }

    @Test
    void kdfWithResticsDefaultsEqualsBouncyCastle() {
        byte[] salt = new byte[Kdf.SALT_SIZE];
        for (int i = 0; i < salt.length; i++) {
            salt[i] = (byte) (i * 7);
        }
        byte[] password = bytes("geheim");
        CryptoKey expected = CryptoKey.fromDerived(SCrypt.generate(password, salt, 32768, 8, 1, 64));
        CryptoKey actual = Kdf.derive(password, salt, 32768, 8, 1);
        assertArrayEquals(expected.encryptKey(), actual.encryptKey());
        assertArrayEquals(expected.macK(), actual.macK());
        assertArrayEquals(expected.macR(), actual.macR());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
