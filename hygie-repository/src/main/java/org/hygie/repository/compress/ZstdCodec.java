package org.hygie.repository.compress;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * zstd as restic v2 uses it (restic-format.md §7.3): level 3 ("auto"), one frame, no checksum.
 * Decoding streams, because restic's frames often lack the content size.
 */
public final class ZstdCodec {
    public static final int DEFAULT_LEVEL = 3;

    private ZstdCodec() {
    }

    public static byte[] compress(byte[] data, int offset, int length, int level) {
        byte[] out = new byte[(int) Zstd.compressBound(length)];
        long n = Zstd.compressByteArray(out, 0, out.length, data, offset, length, level);
        if (Zstd.isError(n)) {
            throw new IllegalStateException("zstd compression failed: " + Zstd.getErrorName(n));
        }
        return java.util.Arrays.copyOf(out, (int) n);
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
            long n = Zstd.decompressByteArray(out, 0, out.length, data, offset, length);
            if (Zstd.isError(n)) {
                throw new IOException("zstd: " + Zstd.getErrorName(n));
            }
            if (n != expectedLength) {
                throw new IOException("zstd: " + n + " bytes decoded, " + expectedLength + " expected");
            }
            return out;
        }
        try (ZstdInputStream in = new ZstdInputStream(new ByteArrayInputStream(data, offset, length))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, length * 4));
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
