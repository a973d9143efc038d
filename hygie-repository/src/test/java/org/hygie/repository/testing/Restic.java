package org.hygie.repository.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real restic binary for interoperability tests. The password goes through the environment,
 * never argv. A missing restic is a test failure with a clear message: CI installs it.
 */
public final class Restic {
    private final Path repo;
    private final String password;

    public Restic(Path repo, String password) {
        this.repo = repo;
        this.password = password;
    }

    /** The result of one restic run. */
    public record Result(int exit, byte[] stdout, String stderr) {
        public String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    public static String binary() {
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
        cmd.add(binary());
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

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            out.writeBytes(("(stderr lost: " + e.getMessage() + ")").getBytes(StandardCharsets.UTF_8));
        }
    }
}
