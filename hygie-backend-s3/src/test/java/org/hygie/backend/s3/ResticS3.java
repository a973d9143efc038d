package org.hygie.backend.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hygie.repository.testing.Restic;

/**
 * Runs the real restic 0.14 on an S3 location ({@code -r s3:http://…}), with the password and the test access key
 * in its environment, never in argv. (The repository layer's {@code Restic} takes a folder path, which would fold
 * the {@code //} of a URL.)
 */
public final class ResticS3 {
    private final String location;
    private final String password;

    public ResticS3(String location, String password) {
        this.location = location;
        this.password = password;
    }

    /** The result of one run. */
    public record Result(int exit, String out, String err) {
    }

    public Result run(Path workDir, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Restic.binary(), "-r", location, "--no-cache"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("RESTIC_"));
        env.putAll(S3ProxyServer.env());
        env.put("RESTIC_PASSWORD", password);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread t = new Thread(() -> {
                try {
                    p.getErrorStream().transferTo(err);
                } catch (IOException e) {
                    err.writeBytes(e.toString().getBytes(StandardCharsets.UTF_8));
                }
            });
            t.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
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
    public Result ok(String... args) {
        Result r = run(null, args);
        if (r.exit() != 0) {
            throw new AssertionError("restic " + String.join(" ", args) + " on " + location + " exited " + r.exit()
                    + ":\n" + r.err() + "\n" + r.out());
        }
        return r;
    }
}
