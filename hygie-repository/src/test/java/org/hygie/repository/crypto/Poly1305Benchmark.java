package org.hygie.repository.crypto;

import java.util.Locale;
import java.util.Random;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Single-thread throughput of {@link Poly1305} against BouncyCastle's, and of a whole {@link CryptoKey#decrypt}
 * and {@link CryptoKey#decryptInto} (MAC + AES-CTR) on 1 MiB messages. A main-method micro-benchmark, not a test:
 * <pre>
 * mvn -o -q -pl hygie-repository test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp hygie-repository/target/classes:hygie-repository/target/test-classes:$(cat hygie-repository/cp.txt) \
 *     org.hygie.repository.crypto.Poly1305Benchmark [MiB per round=2048] [rounds=5]
 * </pre>
 * Prints MiB/s per round (the first rounds include JIT compilation); also reports CPU time of the thread, since
 * the machine may be shared.
 */
public final class Poly1305Benchmark {
    private static final int MSG = 1 << 20;

    private Poly1305Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 2048;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Random random = new Random(42);
        byte[] key = new byte[32];
        random.nextBytes(key);
        byte[] msg = new byte[MSG + 32];
        random.nextBytes(msg);
        byte[] tag = new byte[16];
        Poly1305 mine = new Poly1305(key, 0);
        long sink = 0;
        for (int round = 1; round <= rounds; round++) {
            long[] t = start();
            for (int i = 0; i < mib; i++) {
                mine.mac(msg, 0, MSG, key, 16, tag, 0);
                sink += tag[0];
            }
            report("hygie Poly1305", round, mib, t);

            t = start();
            org.bouncycastle.crypto.macs.Poly1305 bc = new org.bouncycastle.crypto.macs.Poly1305();
            for (int i = 0; i < mib; i++) {
                bc.init(new KeyParameter(key));
                bc.update(msg, 0, MSG);
                bc.doFinal(tag, 0);
                sink += tag[0];
            }
            report("BouncyCastle Poly1305", round, mib, t);

            CryptoKey ck = CryptoKey.random();
            byte[] stored = ck.encrypt(msg, 0, MSG);
            t = start();
            for (int i = 0; i < mib; i++) {
                sink += ck.decrypt(stored)[0];
            }
            report("CryptoKey.decrypt (MAC + CTR, new array)", round, mib, t);

            byte[] plain = new byte[MSG];
            t = start();
            for (int i = 0; i < mib; i++) {
                ck.decryptInto(stored, 0, stored.length, plain, 0);
                sink += plain[20];
            }
            report("CryptoKey.decryptInto (MAC + CTR, no allocation)", round, mib, t);
        }
        System.out.println("(sink " + sink + ")");
    }

    private static long[] start() {
        return new long[] {System.nanoTime(), cpu()};
    }

    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static void report(String what, int round, int mib, long[] t) {
        double wall = (System.nanoTime() - t[0]) / 1e9;
        double cpu = (cpu() - t[1]) / 1e9;
        System.out.printf(Locale.ROOT, "round %d  %-42s %8.0f MiB/s wall  %8.0f MiB/s CPU%n", round, what,
                mib / wall, mib / cpu);
    }
}
