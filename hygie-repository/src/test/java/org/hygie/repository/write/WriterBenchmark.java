package org.hygie.repository.write;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.LocalBackend;
import org.hygie.repository.compress.ZstdCodec;
import org.hygie.repository.id.Id;
import org.hygie.repository.pack.BlobType;

/**
 * Throughput of {@link RepositoryWriter} on mixed data (half random, half text; chunk sizes like restic's:
 * 512 KiB – 8 MiB, about 1 MiB on average), then of each primitive alone on one thread. A main-method
 * micro-benchmark, not a test. Run after {@code mvn -o -pl hygie-repository test-compile} with
 * <pre>
 * java -Xmx4g -cp hygie-repository/target/classes:hygie-repository/target/test-classes:$(cat cp.txt) \
 *     org.hygie.repository.write.WriterBenchmark [MiB=1024] [threads=2] [memory|local] [rounds=2]
 * </pre>
 * where {@code cp.txt} comes from {@code mvn -o -pl hygie-repository dependency:build-classpath
 * -Dmdep.outputFile=cp.txt}. {@code memory} discards packs (CPU only); {@code local} writes them to a temporary
 * folder with fsync. The blobs and their ids are made before the clock starts: the caller's SHA-256 of each
 * chunk is measured separately, in the primitives.
 */
public final class WriterBenchmark {
    private static final int MIB = 1024 * 1024;

    private WriterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        String where = args.length > 2 ? args[2] : "memory";
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        System.out.printf(Locale.ROOT, "%d MiB of mixed data, %d worker threads, %s backend, %d cores%n", mib,
                threads, where, Runtime.getRuntime().availableProcessors());
        List<TestBlobs.Blob> blobs = makeBlobs(mib);
        System.out.printf(Locale.ROOT, "%d blobs%n", blobs.size());
        for (int round = 1; round <= rounds; round++) {
            for (boolean verify : new boolean[] {false, true}) {
                run(blobs, threads, verify, where, round);
            }
        }
        primitives();
    }

    private static List<TestBlobs.Blob> makeBlobs(int mib) {
        byte[] noise = TestBlobs.random(1, 64 * MIB);
        byte[] text = TestBlobs.text(2, 64 * MIB);
        SplittableRandom rnd = new SplittableRandom(3);
        List<TestBlobs.Blob> out = new ArrayList<>();
        long total = 0;
        long counter = 0;
        while (total < (long) mib * MIB) {
            int size = (int) Math.min(8L * MIB, 512 * 1024 + (long) (-Math.log(1 - rnd.nextDouble()) * 512 * 1024));
            byte[] pool = (counter & 1) == 0 ? noise : text;
            int from = rnd.nextInt(pool.length - size);
            byte[] plain = java.util.Arrays.copyOfRange(pool, from, from + size);
            for (int i = 0; i < 8; i++) {
                plain[i] = (byte) (counter >>> (8 * i)); // unique, so nothing deduplicates
            }
            counter++;
            out.add(TestBlobs.Blob.of(BlobType.DATA, plain));
            total += size;
        }
        return out;
    }

    private static void run(List<TestBlobs.Blob> blobs, int threads, boolean verify, String where, int round)
            throws Exception {
        Path dir = null;
        Backend backend;
        if ("local".equals(where)) {
            dir = Files.createTempDirectory("hygie-bench");
            backend = new LocalBackend(dir.resolve("repo"));
        } else {
            backend = new DiscardingBackend();
        }
        try (Repository repo = TestRepos.init(backend, 2)) {
            WriterOptions options = WriterOptions.defaults().withThreads(threads).withVerify(verify);
            RepositoryWriter w = new RepositoryWriter(repo, options);
            long cpu0 = processCpuNanos();
            long start = System.nanoTime();
            // Two producers, as two backup threads would hand over chunks.
            ExecutorService producers = Executors.newFixedThreadPool(2);
            List<Future<?>> done = new ArrayList<>();
            for (int p = 0; p < 2; p++) {
                int me = p;
                done.add(producers.submit(() -> {
                    for (int i = me; i < blobs.size(); i += 2) {
                        TestBlobs.Blob b = blobs.get(i);
                        w.save(b.type(), b.id(), b.plain());
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            producers.shutdown();
            w.close();
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (processCpuNanos() - cpu0) / 1e9;
            WriterStats s = w.stats();
            WriterStats.Timings t = s.timings();
            System.out.printf(Locale.ROOT,
                    "round %d verify=%-5s %7.1f MB/s  (%.2f s, %.2f CPU-s; %d packs; stored/plain %.3f;"
                    + " peak in flight %d MiB)%n    thread-seconds: zstd %.2f, encrypt %.2f, verify %.2f, pack finish %.2f, upload %.2f,"
                    + " index %.2f%n",
                    round, verify, s.newBytes() / seconds / 1e6, seconds, cpu, s.packs(),
                    (double) s.storedBytes() / s.newBytes(), s.peakBytesInFlight() / MIB,
                    t.compressNanos() / 1e9, t.encryptNanos() / 1e9, t.verifyNanos() / 1e9, t.packNanos() / 1e9,
                    t.uploadNanos() / 1e9, t.indexNanos() / 1e9);
        } finally {
            if (dir != null) {
                try (var walk = Files.walk(dir)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    /** CPU time of the whole JVM (all threads, GC included). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Each primitive alone, one thread, on 64 MiB: where the time of one pass over the data goes. */
    private static void primitives() throws Exception {
        int n = 64 * MIB;
        byte[] noise = TestBlobs.random(7, n);
        byte[] text = TestBlobs.text(8, n);
        byte[] out = new byte[n + 64];
        int chunk = MIB;
        for (int rep = 0; rep < 2; rep++) {
            System.out.println(rep == 0 ? "primitives, one thread (warm-up):" : "primitives, one thread:");
            report("zstd-3 compress, random", n, () -> {
                for (int off = 0; off < n; off += chunk) {
                    ZstdCodec.compress(noise, off, chunk, 3);
                }
            });
            byte[][] compressedText = new byte[n / chunk][];
            report("zstd-3 compress, text", n, () -> {
                for (int off = 0; off < n; off += chunk) {
                    compressedText[off / chunk] = ZstdCodec.compress(text, off, chunk, 3);
                }
            });
            report("zstd-11 compress, text", n / 4, () -> {
                for (int off = 0; off < n / 4; off += chunk) {
                    ZstdCodec.compress(text, off, chunk, 11);
                }
            });
            report("zstd decompress, text", n, () -> {
                for (byte[] z : compressedText) {
                    ZstdCodec.decompress(z, 0, z.length, chunk);
                }
            });
            Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
            SecretKeySpec aes = new SecretKeySpec(TestBlobs.random(9, 32), "AES");
            report("AES-256-CTR (JDK)", n, () -> {
                for (int off = 0; off < n; off += chunk) {
                    ctr.init(Cipher.ENCRYPT_MODE, aes, new IvParameterSpec(TestBlobs.random(off, 16)));
                    for (int s = 0; s < chunk; s += 64 * 1024) {
                        ctr.update(noise, off + s, 64 * 1024, out, off + s);
                    }
                    ctr.doFinal(out, off + chunk);
                }
            });
            report("Poly1305 (BouncyCastle)", n, () -> {
                byte[] tag = new byte[16];
                for (int off = 0; off < n; off += chunk) {
                    Poly1305 poly = new Poly1305();
                    poly.init(new KeyParameter(TestBlobs.random(off, 32)));
                    poly.update(noise, off, chunk);
                    poly.doFinal(tag, 0);
                }
            });
            report("SHA-256 (JDK)", n, () -> {
                MessageDigest md = Id.sha256();
                for (int off = 0; off < n; off += chunk) {
                    md.update(noise, off, chunk);
                    md.digest();
                }
            });
            org.hygie.repository.crypto.CryptoKey key = org.hygie.repository.crypto.CryptoKey.random();
            report("CryptoKey.encrypt (AES + Poly1305)", n, () -> {
                for (int off = 0; off < n; off += chunk) {
                    key.encrypt(noise, off, chunk);
                }
            });
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void report(String what, long bytes, Work work) throws Exception {
        long t0 = System.nanoTime();
        work.run();
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "  %-36s %8.0f MB/s%n", what, bytes / s / 1e6);
    }
}
