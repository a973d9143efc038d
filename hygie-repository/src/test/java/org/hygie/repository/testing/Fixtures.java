package org.hygie.repository.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** restic's own test repositories from {@code shared/fixtures/restic}, unpacked into a temporary folder. */
public final class Fixtures {
    public static final String PASSWORD = "geheim";

    private Fixtures() {
    }

    public static Path sharedDir() {
        String prop = System.getProperty("hygie.shared");
        Path p = prop != null ? Path.of(prop) : Path.of("..", "..", "shared");
        if (!Files.isDirectory(p)) {
            p = Path.of("..", "..", "shared");
        }
        if (!Files.isDirectory(p)) {
            throw new AssertionError("shared/ not found (looked at " + prop + ")");
        }
        return p.toAbsolutePath().normalize();
    }

    /** Unpacks {@code name} (e.g. "small-repo.tar.gz") into {@code dir}; returns the repository folder. */
    public static Path unpack(String name, Path dir) throws IOException, InterruptedException {
        Path archive = sharedDir().resolve("fixtures/restic").resolve(name);
        Process p = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", dir.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new AssertionError("tar failed on " + archive + ": " + out);
        }
        Path repo = dir.resolve("repo");
        // The archives hold read-only files; tests that damage them need write access.
        try (var walk = Files.walk(repo)) {
            walk.forEach(f -> f.toFile().setWritable(true, true));
        }
        return repo;
    }
}
