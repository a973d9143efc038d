package org.hygie.repository.chunker;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs the real {@code restic} on one repository, for interoperability tests. The password goes through the
 * environment ({@code RESTIC_PASSWORD}), never the command line; the cache is off. A missing binary fails the
 * test: it must not skip silently.
 */
final class ResticProcess {
    private static final String PASSWORD = "hygie-interop-test";
    private static final long TIMEOUT_MINUTES = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path restic;
    private final Path repository;
    private final Path workDir;

    /** restic working in {@code workDir} on the repository at {@code repository}. */
    ResticProcess(Path repository, Path workDir) {
        this.restic = locate();
        this.repository = repository;
        this.workDir = workDir;
    }

    /** The {@code restic} on the PATH; a test failure if there is none. */
    static Path locate() {
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "restic");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return fail("restic is not on the PATH (" + path + "). The interoperability tests need the real restic "
                + "0.14 or later (Debian: apt-get install restic); they fail rather than skip without it.");
    }

    void init() {
        run("init");
    }

    /** Backs up {@code path}, relative to the working directory. */
    void backup(String path) {
        run("backup", path);
    }

    /** The repository's chunker polynomial, from {@code restic cat config}. */
    Polynomial chunkerPolynomial() {
        return Polynomial.parse(json(run("cat", "config")).get("chunker_polynomial").asText());
    }

    /** The root tree id of the only snapshot, from {@code restic snapshots --json}. */
    String onlySnapshotTree() {
        JsonNode snapshots = json(run("snapshots", "--json"));
        if (snapshots.size() != 1) {
            fail("expected one snapshot, found " + snapshots);
        }
        String id = snapshots.get(0).get("id").asText();
        return json(run("cat", "snapshot", id)).get("tree").asText();
    }

    /** A tree blob's JSON, {@code {"nodes":[...]}}, from {@code restic cat blob}. */
    JsonNode tree(String id) {
        return json(run("cat", "blob", id));
    }

    /** Runs {@code restic <args> --repo R --no-cache} and returns its standard output; fails on a non-zero exit. */
    String run(String... args) {
        List<String> command = new ArrayList<>(List.of(restic.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--repo", repository.toString(), "--no-cache"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("RESTIC_"));
        env.put("RESTIC_PASSWORD", PASSWORD);
        try {
            Path out = Files.createTempFile(workDir, "restic-out", ".txt");
            Path err = Files.createTempFile(workDir, "restic-err", ".txt");
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("restic " + String.join(" ", args) + " did not finish in " + TIMEOUT_MINUTES + " minutes");
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            Files.delete(out);
            Files.delete(err);
            if (process.exitValue() != 0) {
                fail("restic " + String.join(" ", args) + " exited with " + process.exitValue() + ":\n" + stderr);
            }
            return stdout;
        } catch (IOException e) {
            return fail("cannot run " + restic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running restic", e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return fail("restic printed no JSON: " + text, e);
        }
    }
}
