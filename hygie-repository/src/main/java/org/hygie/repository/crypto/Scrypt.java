package org.hygie.repository.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * scrypt (RFC 7914), written for speed on the JVM: the memory {@code V} is one {@code int[]} allocated once,
 * BlockMix works between two halves of one array without copying, and Salsa20/8 is straight-line code on sixteen
 * locals (the shape of Go's {@code golang.org/x/crypto/scrypt}, which restic uses). PBKDF2-HMAC-SHA256 with one
 * iteration comes from the JDK's HmacSHA256. Opening a repository runs this once (N = 32768, r = 8: 32 MiB, about
 * a million Salsa20/8 cores), so its cost, JIT warm-up included, is paid by every command.
 */
final class Scrypt {
    private static final VarHandle LE32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private Scrypt() {
    }

    /** The derived key; parameters are checked by the caller. {@code password} must not be empty (HMAC key). */
    static byte[] derive(byte[] password, byte[] salt, int n, int r, int p, int dkLen) {
        Mac hmac;
        try {
            hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(password, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
        int blockBytes = 128 * r;
        byte[] b = pbkdf2(hmac, salt, p * blockBytes);
        int words = 32 * r;
        int[] xy = new int[2 * words];
        int[] v = new int[Math.multiplyExact(n, words)];
        for (int i = 0; i < p; i++) {
            smix(b, i * blockBytes, r, n, v, xy);
        }
        return pbkdf2(hmac, b, dkLen);
    }

    /** PBKDF2-HMAC-SHA256 with one iteration: T_i = HMAC(P, salt || INT(i)). */
    private static byte[] pbkdf2(Mac hmac, byte[] salt, int length) {
        byte[] out = new byte[length];
        byte[] counter = new byte[4];
        byte[] t = new byte[32];
        try {
            for (int i = 1, done = 0; done < length; i++, done += 32) {
                counter[0] = (byte) (i >>> 24);
                counter[1] = (byte) (i >>> 16);
                counter[2] = (byte) (i >>> 8);
                counter[3] = (byte) i;
                hmac.update(salt);
                hmac.update(counter);
                hmac.doFinal(t, 0);
                System.arraycopy(t, 0, out, done, Math.min(32, length - done));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 failed", e);
        }
        return out;
    }

    /** ROMix of the block at {@code b[off, off + 128 r)}, in place. {@code xy} holds X and Y (32 r words each). */
    private static void smix(byte[] b, int off, int r, int n, int[] v, int[] xy) {
        int words = 32 * r;
        for (int i = 0; i < words; i++) {
            xy[i] = (int) LE32.get(b, off + 4 * i);
        }
        int[] tmp = new int[16];
        for (int i = 0; i < n; i += 2) {
            System.arraycopy(xy, 0, v, i * words, words);
            blockMix(tmp, xy, 0, xy, words, r);
            System.arraycopy(xy, words, v, (i + 1) * words, words);
            blockMix(tmp, xy, words, xy, 0, r);
        }
        int mask = n - 1;
        int last = (2 * r - 1) * 16;
        for (int i = 0; i < n; i += 2) {
            int j = xy[last] & mask;
            xor(v, j * words, xy, 0, words);
            blockMix(tmp, xy, 0, xy, words, r);
            j = xy[words + last] & mask;
            xor(v, j * words, xy, words, words);
            blockMix(tmp, xy, words, xy, 0, r);
        }
        for (int i = 0; i < words; i++) {
            LE32.set(b, off + 4 * i, xy[i]);
        }
    }

    private static void xor(int[] src, int srcOff, int[] dst, int dstOff, int len) {
        for (int i = 0; i < len; i++) {
            dst[dstOff + i] ^= src[srcOff + i];
        }
    }

    /** BlockMix_{Salsa20/8, r}: {@code in} (2r blocks of 16 words) to {@code out}, even blocks first then odd. */
    private static void blockMix(int[] tmp, int[] in, int inOff, int[] out, int outOff, int r) {
        System.arraycopy(in, inOff + (2 * r - 1) * 16, tmp, 0, 16);
        for (int i = 0; i < 2 * r; i += 2) {
            salsaXor(tmp, in, inOff + i * 16, out, outOff + i * 8);
            salsaXor(tmp, in, inOff + i * 16 + 16, out, outOff + i * 8 + r * 16);
        }
    }

    /** {@code tmp = Salsa20/8(tmp ^ in[inOff..+16])}, also written to {@code out[outOff..+16]}. */
    private static void salsaXor(int[] tmp, int[] in, int inOff, int[] out, int outOff) {
        int w0 = tmp[0] ^ in[inOff];
        int w1 = tmp[1] ^ in[inOff + 1];
        int w2 = tmp[2] ^ in[inOff + 2];
        int w3 = tmp[3] ^ in[inOff + 3];
        int w4 = tmp[4] ^ in[inOff + 4];
        int w5 = tmp[5] ^ in[inOff + 5];
        int w6 = tmp[6] ^ in[inOff + 6];
        int w7 = tmp[7] ^ in[inOff + 7];
        int w8 = tmp[8] ^ in[inOff + 8];
        int w9 = tmp[9] ^ in[inOff + 9];
        int w10 = tmp[10] ^ in[inOff + 10];
        int w11 = tmp[11] ^ in[inOff + 11];
        int w12 = tmp[12] ^ in[inOff + 12];
        int w13 = tmp[13] ^ in[inOff + 13];
        int w14 = tmp[14] ^ in[inOff + 14];
        int w15 = tmp[15] ^ in[inOff + 15];
        int x0 = w0;
        int x1 = w1;
        int x2 = w2;
        int x3 = w3;
        int x4 = w4;
        int x5 = w5;
        int x6 = w6;
        int x7 = w7;
        int x8 = w8;
        int x9 = w9;
        int x10 = w10;
        int x11 = w11;
        int x12 = w12;
        int x13 = w13;
        int x14 = w14;
        int x15 = w15;
        for (int i = 0; i < 8; i += 2) {
            // columns
            x4 ^= Integer.rotateLeft(x0 + x12, 7);
            x8 ^= Integer.rotateLeft(x4 + x0, 9);
            x12 ^= Integer.rotateLeft(x8 + x4, 13);
            x0 ^= Integer.rotateLeft(x12 + x8, 18);
            x9 ^= Integer.rotateLeft(x5 + x1, 7);
            x13 ^= Integer.rotateLeft(x9 + x5, 9);
            x1 ^= Integer.rotateLeft(x13 + x9, 13);
            x5 ^= Integer.rotateLeft(x1 + x13, 18);
            x14 ^= Integer.rotateLeft(x10 + x6, 7);
            x2 ^= Integer.rotateLeft(x14 + x10, 9);
            x6 ^= Integer.rotateLeft(x2 + x14, 13);
            x10 ^= Integer.rotateLeft(x6 + x2, 18);
            x3 ^= Integer.rotateLeft(x15 + x11, 7);
            x7 ^= Integer.rotateLeft(x3 + x15, 9);
            x11 ^= Integer.rotateLeft(x7 + x3, 13);
            x15 ^= Integer.rotateLeft(x11 + x7, 18);
            // rows
            x1 ^= Integer.rotateLeft(x0 + x3, 7);
            x2 ^= Integer.rotateLeft(x1 + x0, 9);
            x3 ^= Integer.rotateLeft(x2 + x1, 13);
            x0 ^= Integer.rotateLeft(x3 + x2, 18);
            x6 ^= Integer.rotateLeft(x5 + x4, 7);
            x7 ^= Integer.rotateLeft(x6 + x5, 9);
            x4 ^= Integer.rotateLeft(x7 + x6, 13);
            x5 ^= Integer.rotateLeft(x4 + x7, 18);
            x11 ^= Integer.rotateLeft(x10 + x9, 7);
            x8 ^= Integer.rotateLeft(x11 + x10, 9);
            x9 ^= Integer.rotateLeft(x8 + x11, 13);
            x10 ^= Integer.rotateLeft(x9 + x8, 18);
            x12 ^= Integer.rotateLeft(x15 + x14, 7);
            x13 ^= Integer.rotateLeft(x12 + x15, 9);
            x14 ^= Integer.rotateLeft(x13 + x12, 13);
            x15 ^= Integer.rotateLeft(x14 + x13, 18);
        }
        tmp[0] = x0 + w0;
        tmp[1] = x1 + w1;
        tmp[2] = x2 + w2;
        tmp[3] = x3 + w3;
        tmp[4] = x4 + w4;
        tmp[5] = x5 + w5;
        tmp[6] = x6 + w6;
        tmp[7] = x7 + w7;
        tmp[8] = x8 + w8;
        tmp[9] = x9 + w9;
        tmp[10] = x10 + w10;
        tmp[11] = x11 + w11;
        tmp[12] = x12 + w12;
        tmp[13] = x13 + w13;
        tmp[14] = x14 + w14;
        tmp[15] = x15 + w15;
        System.arraycopy(tmp, 0, out, outOff, 16);
    }
}
