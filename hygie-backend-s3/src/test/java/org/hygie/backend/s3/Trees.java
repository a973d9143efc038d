package org.hygie.backend.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Source trees for backups through S3, and their comparison with what was restored. */
public final class Trees {
    private Trees() {
    }

    /**
     * A small practice: letters (many small text files), scans (random, incompressible, several packs' worth with
     * 4 MiB packs), a file filed twice, an empty file and an empty folder. About {@code 3 + scans × 2} MiB.
     */
    public static Path practice(Path root, long seed, int scans) throws IOException {
        Random rnd = new Random(seed);
        Files.createDirectories(root.resolve("courrier/2026"));
        Files.createDirectories(root.resolve("vide"));
        for (int i = 0; i < 60; i++) {
            Files.writeString(root.resolve("courrier/2026/lettre-" + i + ".txt"),
                    ("Cher confrère, patient n° " + rnd.nextInt(100000) + ".\n").repeat(50 + rnd.nextInt(400)),
                    StandardCharsets.UTF_8);
        }
        Files.createDirectories(root.resolve("imagerie"));
        for (int i = 0; i < scans; i++) {
            byte[] scan = new byte[1024 * 1024 + rnd.nextInt(2 * 1024 * 1024)];
            rnd.nextBytes(scan);
            Files.write(root.resolve("imagerie/scan-" + i + ".dcm"), scan);
        }
        Files.copy(root.resolve("imagerie/scan-0.dcm"), root.resolve("courrier/scan-0-copie.dcm"));
        Files.write(root.resolve("vide.txt"), new byte[0]);
        return root;
    }

    /** Fails unless {@code actual} holds the same names and bytes as {@code expected} ({@code diff -r}). */
    public static void assertSame(Path expected, Path actual) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("diff", "-r", "--no-dereference", expected.toString(), actual.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "restored tree differs from the source:\n" + out);
    }

    /** Where a restore of {@code source} lands under {@code target} (restic and Hygie keep the absolute path). */
    public static Path restored(Path target, Path source) {
        return target.resolve(source.toAbsolutePath().toString().substring(1));
    }
}
