package org.hygie.repository.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * A restic key set: AES-256-CTR for secrecy, Poly1305-AES for integrity (restic-format.md §3).
 * Every stored object is {@code IV(16) || AES-256-CTR(plaintext) || MAC(16)}; the MAC covers the
 * ciphertext only, keyed by {@code clamp(r) || AES-128(k, IV)}.
 * Instances are immutable and thread-safe.
 */
public final class CryptoKey {
    public static final int IV_SIZE = 16;
    public static final int MAC_SIZE = 16;
    /** Bytes an encrypted object has more than its plaintext. */
    public static final int OVERHEAD = IV_SIZE + MAC_SIZE;

    private static final int CTR_SLICE = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadLocal<Cipher> CTR = ThreadLocal.withInitial(() -> cipher("AES/CTR/NoPadding"));
    private static final ThreadLocal<Cipher> ECB = ThreadLocal.withInitial(() -> cipher("AES/ECB/NoPadding"));

    private final byte[] encrypt;
    private final byte[] macK;
    private final byte[] macR;
    private final SecretKeySpec encryptSpec;
    private final SecretKeySpec macSpec;

    public CryptoKey(byte[] encrypt, byte[] macK, byte[] macR) {
        if (encrypt.length != 32 || macK.length != 16 || macR.length != 16) {
            throw new IllegalArgumentException("a key set has 32 + 16 + 16 bytes");
        }
        if (allZero(encrypt) || allZero(macK) || allZero(macR)) {
            throw new IllegalArgumentException("a key set with an all-zero part is invalid");
        }
        this.encrypt = encrypt.clone();
        this.macK = macK.clone();
        this.macR = clamp(macR);
        this.encryptSpec = new SecretKeySpec(this.encrypt, "AES");
        this.macSpec = new SecretKeySpec(this.macK, "AES");
    }

    /** The 64 bytes derived by scrypt: {@code encrypt(32) || k(16) || r(16)}. */
    public static CryptoKey fromDerived(byte[] derived64) {
        return new CryptoKey(Arrays.copyOfRange(derived64, 0, 32), Arrays.copyOfRange(derived64, 32, 48),
                Arrays.copyOfRange(derived64, 48, 64));
    }

    public static CryptoKey random() {
        byte[] all = new byte[64];
        RANDOM.nextBytes(all);
        return fromDerived(all);
    }

    public byte[] encryptKey() {
        return encrypt.clone();
    }

    public byte[] macK() {
        return macK.clone();
    }

    public byte[] macR() {
        return macR.clone();
    }

    /** Encrypts {@code plaintext[offset, offset+length)} into a new array of {@code length + OVERHEAD} bytes. */
    public byte[] encrypt(byte[] plaintext, int offset, int length) {
        byte[] out = new byte[length + OVERHEAD];
        byte[] iv = new byte[IV_SIZE];
        RANDOM.nextBytes(iv);
        System.arraycopy(iv, 0, out, 0, IV_SIZE);
        ctr(iv, plaintext, offset, length, out, IV_SIZE);
        byte[] tag = mac(iv, out, IV_SIZE, length);
        System.arraycopy(tag, 0, out, IV_SIZE + length, MAC_SIZE);
        return out;
    }

    public byte[] encrypt(byte[] plaintext) {
        return encrypt(plaintext, 0, plaintext.length);
    }

    /** Verifies the MAC (constant time), then decrypts. A wrong key or damaged data gives {@link CryptoException}. */
    public byte[] decrypt(byte[] stored, int offset, int length) throws CryptoException {
        if (length < OVERHEAD) {
            throw new CryptoException("encrypted object too short: " + length + " bytes");
        }
        int cipherLength = length - OVERHEAD;
        byte[] iv = Arrays.copyOfRange(stored, offset, offset + IV_SIZE);
        byte[] expected = mac(iv, stored, offset + IV_SIZE, cipherLength);
        byte[] actual = Arrays.copyOfRange(stored, offset + IV_SIZE + cipherLength, offset + length);
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new CryptoException("ciphertext verification failed (wrong key or damaged data)");
        }
        byte[] plain = new byte[cipherLength];
        ctr(iv, stored, offset + IV_SIZE, cipherLength, plain, 0);
        return plain;
    }

    public byte[] decrypt(byte[] stored) throws CryptoException {
        return decrypt(stored, 0, stored.length);
    }

    private void ctr(byte[] iv, byte[] in, int inOff, int len, byte[] out, int outOff) {
        Cipher c = CTR.get();
        try {
            c.init(Cipher.ENCRYPT_MODE, encryptSpec, new IvParameterSpec(iv));
            // Small slices: the JDK compiles its AES-CTR intrinsic sooner (JDK-8344766).
            int done = 0;
            while (done < len) {
                int n = Math.min(CTR_SLICE, len - done);
                done += c.update(in, inOff + done, n, out, outOff + done);
            }
            c.doFinal(out, outOff + done);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR failed", e);
        }
    }

    private byte[] mac(byte[] iv, byte[] data, int off, int len) {
        byte[] s;
        try {
            Cipher ecb = ECB.get();
            ecb.init(Cipher.ENCRYPT_MODE, macSpec);
            s = ecb.doFinal(iv);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-ECB failed", e);
        }
        byte[] polyKey = new byte[32];
        System.arraycopy(macR, 0, polyKey, 0, 16);
        System.arraycopy(s, 0, polyKey, 16, 16);
        Poly1305 poly = new Poly1305();
        poly.init(new KeyParameter(polyKey));
        poly.update(data, off, len);
        byte[] tag = new byte[MAC_SIZE];
        poly.doFinal(tag, 0);
        return tag;
    }

    static byte[] clamp(byte[] r) {
        byte[] c = r.clone();
        c[3] &= 0x0f;
        c[7] &= 0x0f;
        c[11] &= 0x0f;
        c[15] &= 0x0f;
        c[4] &= (byte) 0xfc;
        c[8] &= (byte) 0xfc;
        c[12] &= (byte) 0xfc;
        return c;
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static Cipher cipher(String transformation) {
        try {
            return Cipher.getInstance(transformation);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + transformation, e);
        }
    }
}
