package org.hygie.repository.crypto;

import org.hygie.bench.BenchData;
import org.hygie.bench.PrimitiveBenchmark;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;

/**
 * Hygie's {@link Poly1305} alone over a 1 MiB message: the MAC part of {@link CryptoKey}'s encrypt and decrypt
 * (without the AES-128 of the IV, once per blob). {@code Poly1305} is package-private, hence this class in its
 * package (a split package on the class path, which the JVM allows outside named modules; Hygie has none). Score:
 * bytes per second.
 */
public class Poly1305MacBenchmark extends PrimitiveBenchmark {
    private Poly1305 poly;
    private byte[] s;
    private byte[] msg;
    private byte[] tag;

    @Setup
    public void setup() {
        byte[] key = BenchData.random(32, 5);
        poly = new Poly1305(key, 0);
        s = java.util.Arrays.copyOfRange(key, 16, 32);
        msg = BenchData.random(BenchData.BLOB, 2);
        tag = new byte[CryptoKey.MAC_SIZE];
    }

    @Benchmark
    @OperationsPerInvocation(BenchData.BLOB)
    public byte[] poly1305() {
        poly.mac(msg, 0, msg.length, s, 0, tag, 0);
        return tag;
    }
}
