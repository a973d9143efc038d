package org.hygie.repository.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;

/**
 * Poly1305 (RFC 8439 §2.5) in the radix-2<sup>44</sup> form of Andrew Moon's poly1305-donna-64: the accumulator
 * and the powers of {@code r} in three limbs of 44, 44 and 42 bits, no allocation, no branch on secret data.
 * About twice as fast as BouncyCastle's radix-2<sup>26</sup> code here (see {@code Poly1305Benchmark}), for two
 * reasons:
 * <ul>
 *   <li>Each 44×44-bit product is split without any 128-bit addition: its low 64 bits come from a plain
 *       multiplication, and {@code product >> 44} exactly from {@link Math#multiplyHigh} (an x86-64 intrinsic) of
 *       pre-shifted operands, {@code multiplyHigh(a << 6, b << 14)}, both below 2<sup>63</sup>. For a sum of
 *       products, {@code H = Σ (p >> 44)} and {@code L = Σ p mod 2^64}; then {@code L - (H << 44)} is the sum of
 *       the products' low 44 bits (small, exact in 64 bits), whose own carry is added to {@code H}.</li>
 *   <li>Four blocks per step, {@code h = (h + m1) r^4 + m2 r^3 + m3 r^2 + m4 r}: the same number of products as
 *       one block at a time, but the chain of carries that links one step to the next, the latency that bounds
 *       the loop, comes once per 64 bytes.</li>
 * </ul>
 * Bounds (as in donna-64): between steps h0, h1 &lt; 2<sup>44</sup> + 2<sup>14</sup>, h2 &lt; 2<sup>42</sup>;
 * after a block is added, limbs &lt; 2<sup>45</sup>; the limbs of a power of r are below 2<sup>44</sup> and their
 * multiples by 20 below 2<sup>49</sup>. A limb of a step's product is a sum of at most 12 products below
 * 2<sup>93</sup>, so {@code H} &lt; 2<sup>53</sup> and {@code L - (H << 44)} &lt; 2<sup>49</sup>.
 *
 * <p>An instance holds one {@code r} (the clamped half of the key, fixed per restic key set) and is immutable
 * and thread-safe; the other half, {@code s}, changes with every message ({@code AES-128(k, IV)} in restic) and is
 * passed to {@link #mac}.
 */
final class Poly1305 {
    private static final VarHandle LE64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long M44 = 0xfffffffffffL;
    private static final long M42 = 0x3ffffffffffL;
    private static final int PER_POWER = 12;

    /**
     * For r, r<sup>2</sup>, r<sup>3</sup>, r<sup>4</sup> (mod 2<sup>130</sup> - 5), 12 longs each: limbs l0, l1, l2;
     * 20 l1, 20 l2 (2<sup>132</sup> = 20 mod p); then, for the high halves of products,
     * {@code << 14} of l0, l1, 20 l1, 20 l2 (to be shifted right by 44) and {@code << 16} of l0, l1, l2 (by 42).
     */
    private final long[] powers = new long[4 * PER_POWER];

    /** {@code r} is 16 bytes at {@code off}; it is clamped here (clamping twice changes nothing). */
    Poly1305(byte[] r, int off) {
        long t0 = (long) LE64.get(r, off);
        long t1 = (long) LE64.get(r, off + 8);
        long r0 = t0 & 0xffc0fffffffL;
        long r1 = ((t0 >>> 44) | (t1 << 20)) & 0xfffffc0ffffL;
        long r2 = (t1 >>> 24) & 0x00ffffffc0fL;
        BigInteger p = BigInteger.ONE.shiftLeft(130).subtract(BigInteger.valueOf(5));
        BigInteger clamped = BigInteger.valueOf(r2).shiftLeft(88).or(BigInteger.valueOf(r1).shiftLeft(44))
                .or(BigInteger.valueOf(r0));
        BigInteger power = BigInteger.ONE;
        for (int k = 0; k < 4; k++) {
            power = power.multiply(clamped).mod(p);
            long l0 = power.longValue() & M44;
            long l1 = power.shiftRight(44).longValue() & M44;
            long l2 = power.shiftRight(88).longValue() & M42;
            long[] v = {l0, l1, l2, 20 * l1, 20 * l2, l0 << 14, l1 << 14, (20 * l1) << 14, (20 * l2) << 14,
                l0 << 16, l1 << 16, l2 << 16};
            System.arraycopy(v, 0, powers, PER_POWER * k, PER_POWER);
        }
    }

    /**
     * Writes the 16-byte tag of {@code msg[off, off+len)} keyed by this {@code r} and the 16 bytes of {@code s}
     * at {@code sOff} into {@code out} at {@code outOff}.
     */
    void mac(byte[] msg, int off, int len, byte[] s, int sOff, byte[] out, int outOff) {
        final long[] pw = powers;
        final long p10 = pw[0];
        final long p11 = pw[1];
        final long p12 = pw[2];
        final long p1s1 = pw[3];
        final long p1s2 = pw[4];
        final long p10h = pw[5];
        final long p11h = pw[6];
        final long p1s1h = pw[7];
        final long p1s2h = pw[8];
        final long p10k = pw[9];
        final long p11k = pw[10];
        final long p12k = pw[11];
        final long p20 = pw[12];
        final long p21 = pw[13];
        final long p22 = pw[14];
        final long p2s1 = pw[15];
        final long p2s2 = pw[16];
        final long p20h = pw[17];
        final long p21h = pw[18];
        final long p2s1h = pw[19];
        final long p2s2h = pw[20];
        final long p20k = pw[21];
        final long p21k = pw[22];
        final long p22k = pw[23];
        final long p30 = pw[24];
        final long p31 = pw[25];
        final long p32 = pw[26];
        final long p3s1 = pw[27];
        final long p3s2 = pw[28];
        final long p30h = pw[29];
        final long p31h = pw[30];
        final long p3s1h = pw[31];
        final long p3s2h = pw[32];
        final long p30k = pw[33];
        final long p31k = pw[34];
        final long p32k = pw[35];
        final long p40 = pw[36];
        final long p41 = pw[37];
        final long p42 = pw[38];
        final long p4s1 = pw[39];
        final long p4s2 = pw[40];
        final long p40h = pw[41];
        final long p41h = pw[42];
        final long p4s1h = pw[43];
        final long p4s2h = pw[44];
        final long p40k = pw[45];
        final long p41k = pw[46];
        final long p42k = pw[47];
        long h0 = 0;
        long h1 = 0;
        long h2 = 0;
        int i = off;
        int end = off + len;
        // Four blocks per step; every full block gets the bit 2^128 (1 << 40 in the top limb).
        while (end - i >= 64) {
            long t0a = (long) LE64.get(msg, i + 0);
            long t0b = (long) LE64.get(msg, i + 8);
            long t1a = (long) LE64.get(msg, i + 16);
            long t1b = (long) LE64.get(msg, i + 24);
            long t2a = (long) LE64.get(msg, i + 32);
            long t2b = (long) LE64.get(msg, i + 40);
            long t3a = (long) LE64.get(msg, i + 48);
            long t3b = (long) LE64.get(msg, i + 56);
            i += 64;
            long m00 = h0 + (t0a & M44);
            long m01 = h1 + (((t0a >>> 44) | (t0b << 20)) & M44);
            long m02 = h2 + (((t0b >>> 24) & M42) | (1L << 40));
            long m10 = t1a & M44;
            long m11 = ((t1a >>> 44) | (t1b << 20)) & M44;
            long m12 = ((t1b >>> 24) & M42) | (1L << 40);
            long m20 = t2a & M44;
            long m21 = ((t2a >>> 44) | (t2b << 20)) & M44;
            long m22 = ((t2b >>> 24) & M42) | (1L << 40);
            long m30 = t3a & M44;
            long m31 = ((t3a >>> 44) | (t3b << 20)) & M44;
            long m32 = ((t3b >>> 24) & M42) | (1L << 40);
            long x00 = m00 << 6;
            long x01 = m01 << 6;
            long x02 = m02 << 6;
            long x10 = m10 << 6;
            long x11 = m11 << 6;
            long x12 = m12 << 6;
            long x20 = m20 << 6;
            long x21 = m21 << 6;
            long x22 = m22 << 6;
            long x30 = m30 << 6;
            long x31 = m31 << 6;
            long x32 = m32 << 6;
            long lo = m00 * p40 + m01 * p4s2 + m02 * p4s1 + m10 * p30 + m11 * p3s2 + m12 * p3s1 + m20 * p20
                    + m21 * p2s2 + m22 * p2s1 + m30 * p10 + m31 * p1s2 + m32 * p1s1;
            long c = Math.multiplyHigh(x00, p40h) + Math.multiplyHigh(x01, p4s2h) + Math.multiplyHigh(x02, p4s1h)
                    + Math.multiplyHigh(x10, p30h) + Math.multiplyHigh(x11, p3s2h) + Math.multiplyHigh(x12, p3s1h)
                    + Math.multiplyHigh(x20, p20h) + Math.multiplyHigh(x21, p2s2h) + Math.multiplyHigh(x22, p2s1h)
                    + Math.multiplyHigh(x30, p10h) + Math.multiplyHigh(x31, p1s2h) + Math.multiplyHigh(x32, p1s1h);
            lo -= c << 44;
            c += lo >>> 44;
            long n0 = lo & M44;
            lo = m00 * p41 + m01 * p40 + m02 * p4s2 + m10 * p31 + m11 * p30 + m12 * p3s2 + m20 * p21 + m21 * p20
                    + m22 * p2s2 + m30 * p11 + m31 * p10 + m32 * p1s2 + c;
            c = Math.multiplyHigh(x00, p41h) + Math.multiplyHigh(x01, p40h) + Math.multiplyHigh(x02, p4s2h)
                    + Math.multiplyHigh(x10, p31h) + Math.multiplyHigh(x11, p30h) + Math.multiplyHigh(x12, p3s2h)
                    + Math.multiplyHigh(x20, p21h) + Math.multiplyHigh(x21, p20h) + Math.multiplyHigh(x22, p2s2h)
                    + Math.multiplyHigh(x30, p11h) + Math.multiplyHigh(x31, p10h) + Math.multiplyHigh(x32, p1s2h)
                    + (c >>> 44);
            lo -= c << 44;
            c += lo >>> 44;
            long n1 = lo & M44;
            lo = m00 * p42 + m01 * p41 + m02 * p40 + m10 * p32 + m11 * p31 + m12 * p30 + m20 * p22 + m21 * p21
                    + m22 * p20 + m30 * p12 + m31 * p11 + m32 * p10 + c;
            c = Math.multiplyHigh(x00, p42k) + Math.multiplyHigh(x01, p41k) + Math.multiplyHigh(x02, p40k)
                    + Math.multiplyHigh(x10, p32k) + Math.multiplyHigh(x11, p31k) + Math.multiplyHigh(x12, p30k)
                    + Math.multiplyHigh(x20, p22k) + Math.multiplyHigh(x21, p21k) + Math.multiplyHigh(x22, p20k)
                    + Math.multiplyHigh(x30, p12k) + Math.multiplyHigh(x31, p11k) + Math.multiplyHigh(x32, p10k)
                    + (c >>> 42);
            lo -= c << 42;
            c += lo >>> 42;
            h2 = lo & M42;
            h0 = n0 + c * 5;
            h1 = n1 + (h0 >>> 44);
            h0 &= M44;
        }
        // The remaining blocks one at a time; a last, short block is padded with a 1 and zeros, without 2^128.
        long hibit = 1L << 40;
        while (i < end) {
            long t0a;
            long t0b;
            if (end - i >= 16) {
                t0a = (long) LE64.get(msg, i);
                t0b = (long) LE64.get(msg, i + 8);
                i += 16;
            } else {
                t0a = 0;
                t0b = 0;
                int n = end - i;
                for (int j = 0; j < n; j++) {
                    long b = msg[i + j] & 0xffL;
                    if (j < 8) {
                        t0a |= b << (8 * j);
                    } else {
                        t0b |= b << (8 * (j - 8));
                    }
                }
                if (n < 8) {
                    t0a |= 1L << (8 * n);
                } else {
                    t0b |= 1L << (8 * (n - 8));
                }
                hibit = 0;
                i = end;
            }
            long m00 = h0 + (t0a & M44);
            long m01 = h1 + (((t0a >>> 44) | (t0b << 20)) & M44);
            long m02 = h2 + (((t0b >>> 24) & M42) | hibit);
            long x00 = m00 << 6;
            long x01 = m01 << 6;
            long x02 = m02 << 6;
            long lo = m00 * p10 + m01 * p1s2 + m02 * p1s1;
            long c = Math.multiplyHigh(x00, p10h) + Math.multiplyHigh(x01, p1s2h) + Math.multiplyHigh(x02, p1s1h);
            lo -= c << 44;
            c += lo >>> 44;
            long n0 = lo & M44;
            lo = m00 * p11 + m01 * p10 + m02 * p1s2 + c;
            c = Math.multiplyHigh(x00, p11h) + Math.multiplyHigh(x01, p10h) + Math.multiplyHigh(x02, p1s2h)
                    + (c >>> 44);
            lo -= c << 44;
            c += lo >>> 44;
            long n1 = lo & M44;
            lo = m00 * p12 + m01 * p11 + m02 * p10 + c;
            c = Math.multiplyHigh(x00, p12k) + Math.multiplyHigh(x01, p11k) + Math.multiplyHigh(x02, p10k)
                    + (c >>> 42);
            lo -= c << 42;
            c += lo >>> 42;
            h2 = lo & M42;
            h0 = n0 + c * 5;
            h1 = n1 + (h0 >>> 44);
            h0 &= M44;
        }
        // full carry
        long c = h1 >>> 44;
        h1 &= M44;
        h2 += c;
        c = h2 >>> 42;
        h2 &= M42;
        h0 += c * 5;
        c = h0 >>> 44;
        h0 &= M44;
        h1 += c;
        c = h1 >>> 44;
        h1 &= M44;
        h2 += c;
        c = h2 >>> 42;
        h2 &= M42;
        h0 += c * 5;
        c = h0 >>> 44;
        h0 &= M44;
        h1 += c;
        // g = h + 5 - 2^130; take g when it is not negative (h >= p), in constant time
        long g0 = h0 + 5;
        c = g0 >>> 44;
        g0 &= M44;
        long g1 = h1 + c;
        c = g1 >>> 44;
        g1 &= M44;
        long g2 = h2 + c - (1L << 42);
        long useG = (g2 >>> 63) - 1; // all ones when g2 >= 0
        h0 = (h0 & ~useG) | (g0 & useG);
        h1 = (h1 & ~useG) | (g1 & useG);
        h2 = (h2 & ~useG) | (g2 & useG);
        // tag = (h + s) mod 2^128
        long t0 = (long) LE64.get(s, sOff);
        long t1 = (long) LE64.get(s, sOff + 8);
        h0 += t0 & M44;
        c = h0 >>> 44;
        h0 &= M44;
        h1 += (((t0 >>> 44) | (t1 << 20)) & M44) + c;
        c = h1 >>> 44;
        h1 &= M44;
        h2 += ((t1 >>> 24) & M42) + c;
        h2 &= M42;
        LE64.set(out, outOff, h0 | (h1 << 44));
        LE64.set(out, outOff + 8, (h1 >>> 20) | (h2 << 24));
    }
}
