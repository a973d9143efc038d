package org.hygie.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.hygie.repository.chunker.Chunk;
import org.hygie.repository.chunker.Chunker;
import org.hygie.repository.chunker.Polynomial;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link Chunker} (Rabin content-defined chunking, restic's parameters) over a 32 MiB stream of random bytes, as
 * {@code FileSaver} uses it on a file: reset, then {@link Chunker#next} until the end. That includes the chunker's
 * reads from the stream and its one copy of each chunk into its own array, not the file system. Its speed hardly
 * depends on the bytes (only through where the cuts fall). Score: bytes per second.
 */
public class ChunkerBenchmark extends PrimitiveBenchmark {
    /** restic's test polynomial (irreducible, degree 53), as a repository's config holds one. */
    private static final Polynomial POLYNOMIAL = Polynomial.of(0x3DA3358B4DC173L).requireIrreducible();

    private byte[] stream;
    private Chunker chunker;

    @Setup
    public void setup() {
        stream = BenchData.random(BenchData.STREAM, 4);
        chunker = new Chunker(POLYNOMIAL);
    }

    @Benchmark
    @OperationsPerInvocation(BenchData.STREAM)
    public void chunk(Blackhole bh) throws IOException {
        chunker.reset(new ByteArrayInputStream(stream));
        Chunk c;
        while ((c = chunker.next()) != null) {
            bh.consume(c.data());
        }
    }
}
