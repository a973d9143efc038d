package org.hygie.bench;

import java.util.concurrent.TimeUnit;
import org.hygie.repository.id.Id;
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

/**
 * SHA-256 of a 1 MiB blob through {@link Id#hash}, the JDK's {@code MessageDigest} as Hygie uses it for blob ids
 * (every chunk a backup reads, every blob a restore or {@code check --read-data} decodes) and pack ids. Its speed
 * does not depend on the bytes.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms64m", "-Xmx1g"})
public class Sha256Benchmark {
    private byte[] blob;

    @Setup
    public void setup() {
        blob = BenchData.compressible(BenchData.BLOB, 1);
    }

    @Benchmark
    @OperationsPerInvocation(BenchData.BLOB)
    public Id sha256() {
        return Id.hash(blob);
    }
}
