package org.hygie.bench;

import org.hygie.repository.crypto.CryptoException;
import org.hygie.repository.crypto.CryptoKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;

/**
 * {@link CryptoKey} on a 1 MiB blob: AES-256-CTR + Poly1305-AES, as every stored blob and file is written and read.
 * Neither depends on the bytes, so one buffer serves. Scores are bytes of plaintext per second.
 * <ul>
 *   <li>{@code encrypt}: a fresh IV (SecureRandom), CTR, MAC, into a new array (what a backup does per blob);</li>
 *   <li>{@code decrypt}: MAC verified, then CTR, into a new array (packs' headers, {@code check --read-data});</li>
 *   <li>{@code decryptInto}: the same into a caller's array, allocating nothing (restore, {@code BlobDecoder}).</li>
 * </ul>
 */
public class CryptoBenchmark extends PrimitiveBenchmark {
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
