package org.hygie.repository.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A small practice-like folder to back up through remote backends (letters, a few scans, nested folders), and a
 * comparison of a restored copy with it, by relative path and content.
 */
public final class SampleTree {
    private SampleTree() {
    }

    /** Writes about {@code megabytes} MB under {@code root}: text that compresses, and random scans that do not. */
    public static Path write(Path root, int megabytes, long seed) throws IOException {
        Random rnd = new Random(seed);
        Files.createDirectories(root.resolve("courriers/2026"));
        Files.createDirectories(root.resolve("scans/radio"));
        Files.createDirectories(root.resolve("vide"));
        for (int i = 0; i < 40; i++) {
            Files.writeString(root.resolve("courriers/2026/lettre-" + i + ".txt"),
                    ("Cher confrère, je vous adresse le patient n° " + i + ".\n").repeat(50 + i),
                    StandardCharsets.UTF_8);
        }
        int scans = Math.max(1, megabytes);
        for (int i = 0; i < scans; i++) {
            byte[] b = new byte[1024 * 1024 - rnd.nextInt(4096)];
            rnd.nextBytes(b);
            Files.write(root.resolve("scans/radio/cliche-" + i + ".bin"), b);
        }
        Files.write(root.resolve("vide.txt"), new byte[0]);
        return root;
    }

    /** Fails unless {@code copy} holds the same files, with the same bytes, as {@code original}. */
    public static void assertSame(Path original, Path copy) throws IOException {
        List<Path> a = files(original);
        List<Path> b = files(copy);
        assertEquals(a, b, "the same files");
        for (Path rel : a) {
            if (Files.isRegularFile(original.resolve(rel))) {
                assertArrayEquals(Files.readAllBytes(original.resolve(rel)), Files.readAllBytes(copy.resolve(rel)),
                        rel.toString());
            }
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.map(root::relativize).sorted().toList();
        }
    }
}
