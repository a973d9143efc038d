package org.hygie.repository.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

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

    private static final int CTR_SLICE = 4 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadLocal<Cipher> CTR = ThreadLocal.withInitial(() -> cipher("AES/CTR/NoPadding"));
    private static final ThreadLocal<Cipher> ECB = ThreadLocal.withInitial(() -> cipher("AES/ECB/NoPadding"));
    /** Per thread: s = AES-128(k, IV) and the computed tag, so that a MAC allocates nothing. */
    private static final ThreadLocal<byte[]> MAC_SCRATCH = ThreadLocal.withInitial(() -> new byte[2 * MAC_SIZE]);

    private final byte[] encrypt;
    private final byte[] macK;
    private final byte[] macR;
    private final SecretKeySpec encryptSpec;
    private final SecretKeySpec macSpec;
    private final Poly1305 poly;

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
        this.poly = new Poly1305(this.macR, 0);
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
        encryptInto(plaintext, offset, length, out, 0);
        return out;
    }

    /**
     * Encrypts {@code plaintext[offset, offset+length)} into {@code out[outOffset, outOffset+length+OVERHEAD)}
     * ({@code IV || ciphertext || MAC}), for writers that reuse one buffer. The two ranges must not overlap.
     */
    public void encryptInto(byte[] plaintext, int offset, int length, byte[] out, int outOffset) {
        java.util.Objects.checkFromIndexSize(outOffset, length + OVERHEAD, out.length);
        byte[] iv = new byte[IV_SIZE];
        RANDOM.nextBytes(iv);
        System.arraycopy(iv, 0, out, outOffset, IV_SIZE);
        ctr(out, outOffset, plaintext, offset, length, out, outOffset + IV_SIZE);
        mac(out, outOffset, out, outOffset + IV_SIZE, length, out, outOffset + IV_SIZE + length);
    }

    public byte[] encrypt(byte[] plaintext) {
        return encrypt(plaintext, 0, plaintext.length);
    }

    /** Verifies the MAC (constant time), then decrypts. A wrong key or damaged data gives {@link CryptoException}. */
    public byte[] decrypt(byte[] stored, int offset, int length) throws CryptoException {
        verify(stored, offset, length);
        int cipherLength = length - OVERHEAD;
        byte[] plain = new byte[cipherLength];
        ctr(stored, offset, stored, offset + IV_SIZE, cipherLength, plain, 0);
        return plain;
    }

    /**
     * Verifies the MAC (constant time), then decrypts into {@code dst[dstOffset..]} the {@code length - OVERHEAD}
     * bytes of plaintext. Nothing is allocated. ({@code dst} must not overlap the stored bytes: the JDK's AES-CTR
     * copies overlapping input first.) When the MAC does not match ({@link CryptoException}) {@code dst} is untouched.
     */
    public void decryptInto(byte[] stored, int offset, int length, byte[] dst, int dstOffset) throws CryptoException {
        verify(stored, offset, length);
        int cipherLength = length - OVERHEAD;
        java.util.Objects.checkFromIndexSize(dstOffset, cipherLength, dst.length);
        ctr(stored, offset, stored, offset + IV_SIZE, cipherLength, dst, dstOffset);
    }

    private void verify(byte[] stored, int offset, int length) throws CryptoException {
        if (length < OVERHEAD) {
            throw new CryptoException("encrypted object too short: " + length + " bytes");
        }
        int cipherLength = length - OVERHEAD;
        byte[] scratch = MAC_SCRATCH.get();
        mac(stored, offset, stored, offset + IV_SIZE, cipherLength, scratch, MAC_SIZE);
        int diff = 0;
        int tagAt = offset + IV_SIZE + cipherLength;
        for (int i = 0; i < MAC_SIZE; i++) {
            diff |= scratch[MAC_SIZE + i] ^ stored[tagAt + i];
        }
        if (diff != 0) {
            throw new CryptoException("ciphertext verification failed (wrong key or damaged data)");
        }
    }

    public byte[] decrypt(byte[] stored) throws CryptoException {
        return decrypt(stored, 0, stored.length);
    }

    /** AES-256-CTR with the 16-byte IV at {@code iv[ivOff]}; {@code in} and {@code out} may be the same range. */
    private void ctr(byte[] iv, int ivOff, byte[] in, int inOff, int len, byte[] out, int outOff) {
        Cipher c = CTR.get();
        try {
            c.init(Cipher.ENCRYPT_MODE, encryptSpec, new IvParameterSpec(iv, ivOff, IV_SIZE));
            // Small slices: C2 compiles the AES-CTR intrinsic once CounterMode.implCrypt has been called ~5,000
            // times (JDK-8344766); until then AES runs in Java at ~0.5 GiB/s. Measured on JDK 17: with 64 KiB slices
            // the first 256 MiB cost 0.65 s of CPU, with 4 KiB 0.13 s; past the warm-up both run at ~12 GiB/s.
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

    /**
     * Poly1305-AES as restic uses it: key {@code clamp(r) || AES-128(k, IV)}, over {@code data[off, off+len)}
     * (the ciphertext only); the 16-byte tag goes to {@code out[outOff]}.
     */
    private void mac(byte[] iv, int ivOff, byte[] data, int off, int len, byte[] out, int outOff) {
        byte[] s = MAC_SCRATCH.get();
        try {
            Cipher ecb = ECB.get();
            ecb.init(Cipher.ENCRYPT_MODE, macSpec);
            ecb.doFinal(iv, ivOff, IV_SIZE, s, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-ECB failed", e);
        }
        poly.mac(data, off, len, s, 0, out, outOff);
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
