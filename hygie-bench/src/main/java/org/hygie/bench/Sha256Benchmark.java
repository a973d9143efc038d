package org.hygie.bench;

import org.hygie.repository.id.Id;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;

/**
 * SHA-256 of a 1 MiB blob through {@link Id#hash}, the JDK's {@code MessageDigest} as Hygie uses it for blob ids
 * (every chunk a backup reads, every blob a restore or {@code check --read-data} decodes) and pack ids. Its speed
 * does not depend on the bytes.
 */
public class Sha256Benchmark extends PrimitiveBenchmark {
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
