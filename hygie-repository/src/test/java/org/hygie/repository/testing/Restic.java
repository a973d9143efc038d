package org.hygie.repository.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.databind.JsonNode;
import org.hygie.repository.id.Id;
import org.hygie.repository.json.Json;

/**
 * Runs the real restic binary for interoperability tests. The password goes through the environment,
 * never argv. A missing restic is a test failure with a clear message: CI installs it.
 */
public final class Restic {
    private final Path repo;
    private final String password;
    private final String binary;
    private final Map<String, String> env = new HashMap<>();

    public Restic(Path repo, String password) {
        this(repo, password, binary());
    }

    /** With an explicit binary (tests of this helper give a missing one). */
    public Restic(Path repo, String password, String binary) {
        this.repo = repo;
        this.password = password;
        this.binary = binary;
        if (!new java.io.File(binary).canExecute()) {
            throw new AssertionError("restic 0.14 is needed for the interoperability tests and was not found at "
                    + binary + " (apt-get install restic, or set HYGIE_RESTIC to its path)");
        }
    }

    /** Sets a variable of restic's environment (e.g. {@code TZ}: restic writes times in the local zone). */
    public Restic withEnv(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** The result of one restic run. */
    public record Result(int exit, byte[] stdout, String stderr) {
        public String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    /** restic from {@code HYGIE_RESTIC}, else the first on the PATH. */
    public static String binary() {
        String configured = System.getenv("HYGIE_RESTIC");
        if (configured != null && !configured.isEmpty()) {
            return configured;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir, "restic");
            if (p.toFile().canExecute()) {
                return p.toString();
            }
        }
        throw new AssertionError("restic is not installed (apt-get install restic): the interoperability tests need it");
    }

    public Result run(Path workDir, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary);
        cmd.add("--repo");
        cmd.add(repo.toString());
        cmd.add("--no-cache");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        Map<String, String> env = pb.environment();
        env.put("RESTIC_PASSWORD", password);
        env.remove("RESTIC_REPOSITORY");
        env.remove("RESTIC_PASSWORD_FILE");
        env.putAll(this.env);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread t = new Thread(() -> copy(p.getErrorStream(), err));
            t.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("restic " + String.join(" ", args) + " timed out");
            }
            t.join();
            return new Result(p.exitValue(), out, err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run restic: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Runs restic and fails the test unless it exits 0. */
    public Result ok(Path workDir, String... args) {
        Result r = run(workDir, args);
        if (r.exit() != 0) {
            throw new AssertionError("restic " + String.join(" ", args) + " exited " + r.exit() + ":\n" + r.stderr()
                    + "\n" + r.out());
        }
        return r;
    }

    public Result ok(String... args) {
        return ok(null, args);
    }

    /** The JSON restic prints for {@code args} (e.g. {@code cat snapshot ID}). */
    public JsonNode json(String... args) {
        try {
            return Json.MAPPER.readTree(ok(args).stdout());
        } catch (IOException e) {
            throw new AssertionError("restic " + String.join(" ", args) + " printed no JSON", e);
        }
    }

    /** The id of the only snapshot; fails when there is not exactly one. */
    public String onlySnapshot() {
        JsonNode list = json("snapshots", "--json");
        if (list.size() != 1) {
            throw new AssertionError("expected one snapshot, got " + list);
        }
        return list.get(0).get("id").asText();
    }

    /** The root tree of a snapshot, from {@code restic cat snapshot}. */
    public Id rootTree(String snapshot) {
        return Id.parse(json("cat", "snapshot", snapshot).get("tree").asText());
    }

    /** A blob's plaintext, byte for byte ({@code restic cat blob}). */
    public byte[] blob(Id id) {
        return ok("cat", "blob", id.hex()).stdout();
    }

    /** The repository's chunker polynomial as restic's config states it. */
    public String polynomial() {
        return json("cat", "config").get("chunker_polynomial").asText();
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            out.writeBytes(("(stderr lost: " + e.getMessage() + ")").getBytes(StandardCharsets.UTF_8));
        }
    }
}
