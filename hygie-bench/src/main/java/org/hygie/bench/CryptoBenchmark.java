package org.hygie.bench;

import java.util.concurrent.TimeUnit;
import org.hygie.repository.crypto.CryptoException;
import org.hygie.repository.crypto.CryptoKey;
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
 * {@link CryptoKey} on a 1 MiB blob: AES-256-CTR + Poly1305-AES, as every stored blob and file is written and read.
 * Neither depends on the bytes, so one buffer serves. Scores are bytes of plaintext per second.
 * <ul>
 *   <li>{@code encrypt}: a fresh IV (SecureRandom), CTR, MAC, into a new array (what a backup does per blob);</li>
 *   <li>{@code decrypt}: MAC verified, then CTR, into a new array (packs' headers, {@code check --read-data});</li>
 *   <li>{@code decryptInto}: the same into a caller's array, allocating nothing (restore, {@code BlobDecoder}).</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms64m", "-Xmx1g"})
public class CryptoBenchmark {
    private CryptoKey key;
    private byte[] plain;
    private byte[] stored;
    private byte[] out;

    @Setup
    public void setup() {
        // a fixed key, so that runs differ by nothing (BenchData's bytes are not all zero in any part)
        key = CryptoKey.fromDerived(BenchData.random(64, 3));
        plain = BenchData.random(BenchData.BLOB, 2);
        stored = key.encrypt(plain);
        out = new byte[BenchData.BLOB];
    }

    @Benchmark
    @OperationsPerInvocation(BenchData.BLOB)
    public byte[] encrypt() {
        return key.encrypt(plain);
    }

    @Benchmark
    @OperationsPerInvocation(BenchData.BLOB)
    public byte[] decrypt() throws CryptoException {
        return key.decrypt(stored);
    }

    @Benchmark
    @OperationsPerInvocation(BenchData.BLOB)
    public byte[] decryptInto() throws CryptoException {
        key.decryptInto(stored, 0, stored.length, out, 0);
        return out;
    }
}
