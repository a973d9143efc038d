package org.hygie.bench;

import java.io.IOException;
import org.hygie.repository.compress.ZstdCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;

/**
 * zstd through {@link ZstdCodec} (zstd-jni, this thread's contexts) on 1 MiB blobs, at level 3 as a backup
 * compresses data blobs ({@code --compression auto}), into a reused array as the writer's encoder does
 * ({@code ZstdCodec.compressInto}). Scores are bytes of uncompressed data per second.
 * <ul>
 *   <li>{@code compressCompressible}: the about 2:1 buffer of {@link BenchData#compressible};</li>
 *   <li>{@code compressRandom}: incompressible bytes: a backup tries, gets no gain and stores them as they are;</li>
 *   <li>{@code decompressCompressible}: the first buffer's frame back, into a caller's array, its length known from
 *       the index ({@code ZstdCodec.decompressInto}, as {@code BlobDecoder} does on restore).</li>
 * </ul>
 */
public class ZstdBenchmark extends PrimitiveBenchmark {
    private byte[] compressible;
    private byte[] random;
    private byte[] frame;
    private byte[] out;
    private byte[] compressed;

    @Setup
    public void setup() {
        compressible = BenchData.compressible(BenchData.BLOB, 1);
        random = BenchData.random(BenchData.BLOB, 2);
        frame = ZstdCodec.compress(compressible, 0, compressible.length, ZstdCodec.DEFAULT_LEVEL);
        out = new byte[BenchData.BLOB];
        compressed = new byte[ZstdCodec.bound(BenchData.BLOB)];
    }

    @Benchmark
    @OperationsPerInvocation(BenchData.BLOB)
    public int compressCompressible() {
        return ZstdCodec.compressInto(compressible, 0, compressible.length, ZstdCodec.DEFAULT_LEVEL, compressed);
    }

    @Benchmark
    @OperationsPerInvocation(BenchData.BLOB)
    public int compressRandom() {
        return ZstdCodec.compressInto(random, 0, random.length, ZstdCodec.DEFAULT_LEVEL, compressed);
    }

    @Benchmark
    @OperationsPerInvocation(BenchData.BLOB)
    public byte[] decompressCompressible() throws IOException {
        ZstdCodec.decompressInto(frame, 0, frame.length, out, 0, out.length);
        return out;
    }
}
