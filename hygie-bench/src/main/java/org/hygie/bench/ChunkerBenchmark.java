package org.hygie.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.hygie.repository.chunker.Chunk;
import org.hygie.repository.chunker.Chunker;
import org.hygie.repository.chunker.Polynomial;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link Chunker} (Rabin content-defined chunking, restic's parameters) over a 32 MiB stream of random bytes, as
 * {@code FileSaver} uses it on a file: reset, then {@link Chunker#next} until the end. That includes the chunker's
 * reads from the stream and its one copy of each chunk into its own array, not the file system. Its speed hardly
 * depends on the bytes (only through where the cuts fall). Score: bytes per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms64m", "-Xmx1g"})
public class ChunkerBenchmark {
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
