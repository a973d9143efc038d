package org.hygie.repository.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hand-written Poly1305 against published vectors and against BouncyCastle's. */
class Poly1305Test {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] tag(byte[] key32, byte[] msg, int off, int len) {
        byte[] out = new byte[16];
        new Poly1305(key32, 0).mac(msg, off, len, key32, 16, out, 0);
        return out;
    }

    private static byte[] bouncyCastle(byte[] key32, byte[] msg, int off, int len) {
        org.bouncycastle.crypto.macs.Poly1305 bc = new org.bouncycastle.crypto.macs.Poly1305();
        bc.init(new KeyParameter(key32));
        bc.update(msg, off, len);
        byte[] out = new byte[16];
        bc.doFinal(out, 0);
        return out;
    }

    @Test
    void rfc8439Section252() {
        byte[] key = HEX.parseHex("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b");
        byte[] msg = "Cryptographic Forum Research Group".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(HEX.parseHex("a8061dc1305136c6c22b8baf0c0127a9"), tag(key, msg, 0, msg.length));
    }

    /** Appendix B of Bernstein's Poly1305-AES paper, as in restic's crypto_int_test.go (restic-format.md §3.3). */
    @ParameterizedTest
    @CsvSource({
        "f3f6, 851fc40c3467ac0be05cc20404f3f700, ec074c835580741701425b623235add6, "
            + "fb447350c4e868c52ac3275cf9d4327e, f4c633c3044fc145f84f335cb81953de",
        "'', a0f3080000f46400d0c7e9076c834403, 75deaa25c09f208e1dc4ce6b5cad3fbf, "
            + "61ee09218d29b0aaed7e154a2c5509cc, dd3fab2251f11ac759f0887129cc2ee7",
        "663cea190ffb83d89593f3f476b6bc24d7e679107ea26adb8caf6652d0656136, 48443d0bb0d21109c89a100b5ce2c208, "
            + "6acb5f61a7176dd320c5c1eb2edcdc74, ae212a55399729595dea458bc621ff0e, 0ee1c16bb73f0f4fd19881753c01cdbe",
        "ab0812724a7f1e342742cbed374d94d136c6b8795d45b3819830f2c04491faf0990c62e48b8018b2c3e4a0fa3134cb67fa83e158c9"
            + "94d961c4cb21095c1bf9, 12976a08c4426d0ce8a82407c4f48207, e1a5668a4d5b66a5f68cc5424ed5982d, "
            + "9ae831e743978d3a23527c7128149e3a, 5154ad0d2cb26e01274fc51148491f1b",
    })
    void poly1305AesPaperVectors(String msgHex, String rHex, String kHex, String nonceHex, String tagHex)
            throws Exception {
        byte[] msg = HEX.parseHex(msgHex);
        byte[] r = HEX.parseHex(rHex);
        byte[] k = HEX.parseHex(kHex);
        byte[] nonce = HEX.parseHex(nonceHex);
        byte[] expected = HEX.parseHex(tagHex);
        // the primitive, with s = AES-128(k, nonce)
        Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k, "AES"));
        byte[] key = new byte[32];
        System.arraycopy(r, 0, key, 0, 16);
        aes.doFinal(nonce, 0, 16, key, 16);
        assertArrayEquals(expected, tag(key, msg, 0, msg.length));
        // restic's construction through CryptoKey: stored = nonce || ciphertext || tag verifies
        byte[] encrypt = new byte[32];
        Arrays.fill(encrypt, (byte) 1);
        CryptoKey ck = new CryptoKey(encrypt, k, r);
        byte[] stored = new byte[16 + msg.length + 16];
        System.arraycopy(nonce, 0, stored, 0, 16);
        System.arraycopy(msg, 0, stored, 16, msg.length);
        System.arraycopy(expected, 0, stored, 16 + msg.length, 16);
        assertDoesNotThrow(() -> ck.decrypt(stored));
        stored[stored.length - 1] ^= 1;
        assertThrows(CryptoException.class, () -> ck.decrypt(stored));
    }

    @Property(tries = 1000)
    void equalsBouncyCastleForEveryShortLength(@ForAll @Size(32) byte[] key, @ForAll @IntRange(max = 300) int length,
            @ForAll @IntRange(max = 7) int offset, @ForAll long seed) {
        byte[] msg = new byte[offset + length + 3];
        new Random(seed).nextBytes(msg);
        assertArrayEquals(bouncyCastle(key, msg, offset, length), tag(key, msg, offset, length));
    }

    @Test
    void equalsBouncyCastleForEveryLengthUpTo300() {
        Random random = new Random(1305);
        byte[] key = new byte[32];
        byte[] msg = new byte[300];
        for (int length = 0; length <= 300; length++) {
            for (int round = 0; round < 5; round++) {
                random.nextBytes(key);
                random.nextBytes(msg);
                assertArrayEquals(bouncyCastle(key, msg, 0, length), tag(key, msg, 0, length), "length " + length);
            }
        }
    }

    /** Extreme values: all-ones messages and keys push every limb to its maximum before each reduction. */
    @Property(tries = 200)
    void equalsBouncyCastleOnExtremeInputs(@ForAll("extremeBytes") byte[] key, @ForAll("extremeBytes") byte[] block,
            @ForAll @IntRange(max = 200) int blocks) {
        byte[] k = Arrays.copyOf(key, 32);
        byte[] msg = new byte[blocks * 16 + (block[0] & 15)];
        for (int i = 0; i < msg.length; i++) {
            msg[i] = block[i % block.length];
        }
        assertArrayEquals(bouncyCastle(k, msg, 0, msg.length), tag(k, msg, 0, msg.length));
    }

    @Provide
    Arbitrary<byte[]> extremeBytes() {
        return Arbitraries.of((byte) 0, (byte) 0xff, (byte) 0xfe, (byte) 0x01, (byte) 0x80, (byte) 0x7f)
                .array(byte[].class).ofSize(32);
    }

    @Property(tries = 8)
    void equalsBouncyCastleOnMegabytes(@ForAll @Size(32) byte[] key, @ForAll @IntRange(min = 1 << 20, max = 5 << 20)
            int length, @ForAll long seed) {
        byte[] msg = new byte[length];
        new Random(seed).nextBytes(msg);
        assertArrayEquals(bouncyCastle(key, msg, 0, length), tag(key, msg, 0, length));
        Arrays.fill(msg, (byte) 0xff);
        assertArrayEquals(bouncyCastle(key, msg, 0, length), tag(key, msg, 0, length));
    }
}
