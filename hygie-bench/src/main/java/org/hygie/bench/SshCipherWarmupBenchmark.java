package org.hygie.bench;

import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The SSH channel's first 64 MiB in a fresh JVM: AES-128-GCM over 32 KiB packets, a new IV and 4 bytes of associated
 * data each, as MINA SSHD encrypts an SFTP upload (and decrypts a download). Single-shot time of the whole 64 MiB, one
 * per fork: how long the JIT leaves GHASH in plain Java. The variants are the {@code hygie} launcher's JVM options,
 * for a backup (C2 thresholds 10x the defaults, the JDK's crypto packages at the defaults) and for other commands
 * (the defaults), each without and with GCM's own earlier compilation ({@code CompileThresholdScaling} 10x below the
 * command's thresholds for GHASH, GaloisCounterMode and GCTR). At ~3.4 GB/s, 64 MiB take ~20 ms.
 * Run with {@code java -jar hygie-bench/target/benchmarks.jar SshCipherWarmup}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class SshCipherWarmupBenchmark {
    private static final int PACKET = 32 * 1024;
    private static final int PACKETS = 64 * 1024 * 1024 / PACKET;
    private static final String BACKUP_1 = "-XX:Tier4InvocationThreshold=50000";
    private static final String BACKUP_2 = "-XX:Tier4CompileThreshold=60000";
    private static final String BACKUP_3 = "-XX:Tier4BackEdgeThreshold=400000";
    private static final String QUIET = "-XX:CompileCommand=quiet";
    private static final String SCALE = "-XX:CompileCommand=CompileThresholdScaling,";
    private static final String JDK_CRYPTO = SCALE + "com.sun.crypto.provider.*::*,0.1";
    private static final String JDK_DIGEST = SCALE + "sun.security.provider.*::*,0.1";
    private static final String GHASH_01 = SCALE + "com.sun.crypto.provider.GHASH::*,0.01";
    private static final String GCM_01 = SCALE + "com.sun.crypto.provider.GaloisCounterMode*::*,0.01";
    private static final String GCTR_01 = SCALE + "com.sun.crypto.provider.GCTR::*,0.01";
    private static final String GHASH_1 = SCALE + "com.sun.crypto.provider.GHASH::*,0.1";
    private static final String GCM_1 = SCALE + "com.sun.crypto.provider.GaloisCounterMode*::*,0.1";
    private static final String GCTR_1 = SCALE + "com.sun.crypto.provider.GCTR::*,0.1";

    private final byte[] packet = new byte[PACKET + 16];

    private long sixtyFourMiB() throws GeneralSecurityException {
        SecretKeySpec key = new SecretKeySpec(new byte[16], "AES");
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] iv = new byte[12];
        long sum = 0;
        for (int i = 0; i < PACKETS; i++) {
            iv[11] = (byte) i;
            iv[10] = (byte) (i >> 8);
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            c.updateAAD(packet, 0, 4);
            sum += c.doFinal(packet, 4, PACKET - 4, packet, 4);
        }
        return sum;
    }

    @Benchmark
    @Fork(value = 5, jvmArgsAppend = {"-XX:+UseSerialGC", BACKUP_1, BACKUP_2, BACKUP_3, QUIET, JDK_CRYPTO, JDK_DIGEST})
    public long backupOptionsBefore() throws GeneralSecurityException {
        return sixtyFourMiB();
    }

    @Benchmark
    @Fork(value = 5, jvmArgsAppend = {"-XX:+UseSerialGC", BACKUP_1, BACKUP_2, BACKUP_3, QUIET, JDK_CRYPTO, JDK_DIGEST,
        GHASH_01, GCM_01, GCTR_01})
    public long backupOptionsGcmEarlier() throws GeneralSecurityException {
        return sixtyFourMiB();
    }

    @Benchmark
    @Fork(value = 5, jvmArgsAppend = {"-XX:+UseSerialGC"})
    public long otherCommandsBefore() throws GeneralSecurityException {
        return sixtyFourMiB();
    }

    @Benchmark
    @Fork(value = 5, jvmArgsAppend = {"-XX:+UseSerialGC", QUIET, GHASH_1, GCM_1, GCTR_1})
    public long otherCommandsGcmEarlier() throws GeneralSecurityException {
        return sixtyFourMiB();
    }
}
