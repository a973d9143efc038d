package org.hygie.bench;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import org.hygie.repository.compress.ZstdCodec;

/**
 * The buffers the benchmarks work on, the same bytes on every run (fixed seeds).
 * <ul>
 *   <li>{@link #random}: incompressible, as scans, photos and already-compressed files are;</li>
 *   <li>{@link #compressible}: runs of random bytes between runs of French-looking text, in a proportion that zstd
 *       level 3 (through {@link ZstdCodec}) compresses about 2:1, as a practice's documents and database pages
 *       roughly do. {@code java -cp hygie-bench/target/benchmarks.jar org.hygie.bench.BenchData} prints the
 *       ratio.</li>
 * </ul>
 */
public final class BenchData {
    /** One blob: about the size of a restic chunk (512 KiB to 8 MiB, about 1.5 MiB on average). */
    public static final int BLOB = 1 << 20;
    /** What the chunker reads per invocation: enough for some 20 to 30 chunks. */
    public static final int STREAM = 32 << 20;

    private static final String[] WORDS = ("le la les un une des du de et à au patient patiente docteur rendez-vous "
            + "ordonnance consultation dossier médical examen résultat analyse sanguine traitement mg comprimé "
            + "matin soir pendant jours semaine mois renouvellement allergie antécédents tension artérielle "
            + "poids taille fièvre douleur radiographie compte rendu courrier confrère cabinet adresse "
            + "téléphone date naissance sécurité sociale mutuelle facture tiers payant règlement carte vitale "
            + "vaccin rappel suivi prochain contrôle recommandé merci cordialement Lyon Paris Marseille 2024 2025 "
            + "janvier février mars avril mai juin juillet août septembre octobre novembre décembre").split(" ");
    /** Random bytes after each text run, as a share of the run: tuned for a ratio near 2. */
    private static final double RANDOM_SHARE = 0.49;

    private BenchData() {
    }

    /** {@code size} random bytes (seeded: the same on every run). */
    public static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    /** {@code size} bytes that zstd level 3 compresses about 2:1 (seeded: the same on every run). */
    public static byte[] compressible(int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] b = new byte[size];
        int at = 0;
        StringBuilder text = new StringBuilder();
        while (at < size) {
            // a text run of 1-4 KiB: words, spaces, now and then a line break or a number
            int textRun = 1024 + r.nextInt(3 * 1024);
            text.setLength(0);
            while (text.length() < textRun) {
                text.append(WORDS[r.nextInt(WORDS.length)]);
                int k = r.nextInt(16);
                text.append(k == 0 ? ".\n" : k == 1 ? " " + r.nextInt(1000) + " " : " ");
            }
            byte[] t = text.toString().getBytes(StandardCharsets.UTF_8);
            int n = Math.min(t.length, size - at);
            System.arraycopy(t, 0, b, at, n);
            at += n;
            // then a run of random bytes
            int randomRun = Math.min((int) (textRun * RANDOM_SHARE * (0.5 + r.nextDouble())), size - at);
            for (int i = 0; i < randomRun; i++) {
                b[at + i] = (byte) r.nextInt(256);
            }
            at += randomRun;
        }
        return b;
    }

    /** Uncompressed size / size compressed by {@link ZstdCodec} at its default level (3). */
    public static double zstdRatio(byte[] data) {
        return (double) data.length / ZstdCodec.compress(data, 0, data.length, ZstdCodec.DEFAULT_LEVEL).length;
    }

    /** Prints the zstd ratio of the benchmarks' buffers, for bench/primitives.sh. */
    public static void main(String[] args) {
        System.out.printf(Locale.ROOT, "compressible %.3f%nrandom %.3f%n", zstdRatio(compressible(BLOB, 1)),
                zstdRatio(random(BLOB, 2)));
    }
}
