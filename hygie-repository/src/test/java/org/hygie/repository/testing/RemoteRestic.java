package org.hygie.repository.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real restic against a repository that is not a local folder ({@code sftp:…}, {@code rest:…},
 * {@code s3:…}), with extra options ({@code -o sftp.command=…}) and environment. The password goes through the
 * environment, never argv; every run is bounded in time.
 */
public final class RemoteRestic {
    private final String location;
    private final String password;
    private final List<String> options;
    private final Map<String, String> env;

    public RemoteRestic(String location, String password, List<String> options, Map<String, String> env) {
        this.location = location;
        this.password = password;
        this.options = List.copyOf(options);
        this.env = Map.copyOf(env);
    }

    public Restic.Result run(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Restic.binary(), "--repo", location, "--no-cache"));
        cmd.addAll(options);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("RESTIC_") || k.startsWith("AWS_")); // only env speaks
        pb.environment().putAll(env);
        pb.environment().put("RESTIC_PASSWORD", password);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread t = new Thread(() -> {
                try {
                    p.getErrorStream().transferTo(err);
                } catch (IOException e) {
                    err.writeBytes(("(stderr lost: " + e.getMessage() + ")").getBytes(StandardCharsets.UTF_8));
                }
            });
            t.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("restic " + String.join(" ", args) + " timed out");
            }
            t.join();
            return new Restic.Result(p.exitValue(), out, err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run restic: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Runs restic and fails the test unless it exits 0. */
    public Restic.Result ok(String... args) {
        Restic.Result r = run(args);
        if (r.exit() != 0) {
            throw new AssertionError("restic " + String.join(" ", args) + " exited " + r.exit() + ":\n" + r.stderr()
                    + "\n" + r.out());
        }
        return r;
    }
}
