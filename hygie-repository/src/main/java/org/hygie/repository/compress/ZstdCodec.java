package org.hygie.repository.compress;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * zstd as restic v2 uses it (restic-format.md §7.3): level 3 ("auto"), one frame, no checksum.
 * Decoding streams when the length is unknown, because restic's frames often lack the content size.
 *
 * <p>Each thread keeps one compression and one decompression context (zstd's working memory, about 1 MiB
 * for level 3), instead of making and freeing one per blob.
 */
public final class ZstdCodec {
    public static final int DEFAULT_LEVEL = 3;

    private static final ThreadLocal<ZstdDecompressCtx> DCTX = ThreadLocal.withInitial(ZstdDecompressCtx::new);
    private static final ThreadLocal<Compressor> CCTX = ThreadLocal.withInitial(Compressor::new);
    /** Blobs larger than this (restic's chunks are at most 8 MiB; big trees can be more) use Java arrays. */
    private static final int DIRECT_MAX = 9 << 20;

    private ZstdCodec() {
    }

    /**
     * A thread's compression context, its level, and direct buffers for input and output (grown to the largest blob
     * seen, up to {@link #DIRECT_MAX}). Compressing between direct buffers, rather than from and to Java arrays, keeps
     * zstd-jni out of JNI critical sections: while one is open the serial and parallel collectors cannot run and
     * grow the heap instead (measured: an initial backup's heap grew to several hundred MiB of garbage that way).
     * The two extra copies cost about 0.2 ms per MiB, next to 3 ms per MiB for compressing.
     */
    private static final class Compressor {
        final ZstdCompressCtx ctx = new ZstdCompressCtx();
        int level = Integer.MIN_VALUE;
        ByteBuffer in = ByteBuffer.allocateDirect(0);
        ByteBuffer out = ByteBuffer.allocateDirect(0);

        byte[] compress(byte[] data, int offset, int length, int lvl) {
            int bound = ZstdCodec.bound(length);
            if (bound > DIRECT_MAX) {
                byte[] o = new byte[bound];
                return Arrays.copyOf(o, compressArrays(data, offset, length, lvl, o));
            }
            byte[] result = new byte[compressDirect(data, offset, length, lvl, bound)];
            out.get(0, result);
            return result;
        }

        int compressInto(byte[] data, int offset, int length, int lvl, byte[] dst) {
            int bound = ZstdCodec.bound(length);
            if (dst.length < bound) {
                throw new IllegalArgumentException("output of " + dst.length + " bytes; " + bound + " needed");
            }
            if (bound > DIRECT_MAX) {
                return compressArrays(data, offset, length, lvl, dst);
            }
            int n = compressDirect(data, offset, length, lvl, bound);
            out.get(0, dst, 0, n);
            return n;
        }

        /** Compresses through the direct buffers; the frame is at the start of {@link #out}. */
        private int compressDirect(byte[] data, int offset, int length, int lvl, int bound) {
            setLevel(lvl);
            if (in.capacity() < length) {
                in = ByteBuffer.allocateDirect(grow(in.capacity(), length));
            }
            if (out.capacity() < bound) {
                out = ByteBuffer.allocateDirect(grow(out.capacity(), bound));
            }
            in.put(0, data, offset, length);
            try {
                return ctx.compressDirectByteBuffer(out, 0, bound, in, 0, length);
            } catch (ZstdException e) {
                throw new IllegalStateException("zstd compression failed: " + e.getMessage(), e);
            }
        }

        private int compressArrays(byte[] data, int offset, int length, int lvl, byte[] dst) {
            setLevel(lvl);
            try {
                return ctx.compressByteArray(dst, 0, dst.length, data, offset, length);
            } catch (ZstdException e) {
                throw new IllegalStateException("zstd compression failed: " + e.getMessage(), e);
            }
        }

        private void setLevel(int lvl) {
            if (lvl != level) {
                ctx.reset();
                ctx.setLevel(lvl);
                ctx.setChecksum(false);
                ctx.setContentSize(true);
                level = lvl;
            }
        }

        private static int grow(int have, int need) {
            return Math.min(DIRECT_MAX, Math.max(need, have + (have >> 1)));
        }
    }

    public static byte[] compress(byte[] data, int offset, int length, int level) {
        return CCTX.get().compress(data, offset, length, level);
    }

    /** The most bytes compressing {@code length} bytes can give: what {@link #compressInto} needs as room. */
    public static int bound(int length) {
        long b = Zstd.compressBound(length);
        if (b > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("cannot compress " + length + " bytes in one frame");
        }
        return (int) b;
    }

    /**
     * Compresses {@code data[offset, offset+length)} into {@code dst[0..]}, which must hold {@link #bound} bytes,
     * and returns the frame's length: for writers that reuse one buffer.
     */
    public static int compressInto(byte[] data, int offset, int length, int level, byte[] dst) {
        return CCTX.get().compressInto(data, offset, length, level, dst);
    }

    public static byte[] compress(byte[] data) {
        return compress(data, 0, data.length, DEFAULT_LEVEL);
    }

    /**
     * Decompresses one frame. {@code expectedLength} (from a pack header or index, -1 when unknown)
     * sizes the buffer and is checked.
     */
    public static byte[] decompress(byte[] data, int offset, int length, int expectedLength) throws IOException {
        if (expectedLength >= 0) {
            byte[] out = new byte[expectedLength];
            decompressInto(data, offset, length, out, 0, expectedLength);
            return out;
        }
        try (ZstdInputStream in = new ZstdInputStream(new ByteArrayInputStream(data, offset, length))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, length * 4));
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    /**
     * Decompresses one frame of {@code data[offset, offset+length)} into {@code out[outOffset, outOffset+expected)},
     * with this thread's context; the frame must decode to exactly {@code expected} bytes.
     */
    public static void decompressInto(byte[] data, int offset, int length, byte[] out, int outOffset, int expected)
            throws IOException {
        int n;
        try {
            n = DCTX.get().decompressByteArray(out, outOffset, expected, data, offset, length);
        } catch (ZstdException e) {
            throw new IOException("zstd: " + e.getMessage(), e);
        }
        if (n != expected) {
            throw new IOException("zstd: " + n + " bytes decoded, " + expected + " expected");
        }
    }
}
