package org.hygie.backup.fs;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command for a test and returns its standard output; a failure names the command and its stderr. */
final class Shell {
    private Shell() {
    }

    static byte[] run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(command));
        pb.environment().putAll(env);
        File err = File.createTempFile("hygie-cmd", ".err");
        try {
            pb.redirectError(err);
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", command));
            }
            if (p.exitValue() != 0) {
                throw new IOException("exit " + p.exitValue() + " from " + String.join(" ", command) + ":\n"
                        + Files.readString(err.toPath(), StandardCharsets.UTF_8));
            }
            return out;
        } finally {
            Files.deleteIfExists(err.toPath());
        }
    }

    static byte[] run(String... command) throws IOException, InterruptedException {
        return run(Map.of(), command);
    }

    /** Runs {@code script} with {@code sh -c} in {@code dir} (for names that Java strings cannot hold). */
    static void sh(Path dir, String script) throws IOException, InterruptedException {
        run("sh", "-c", "cd \"$1\" && " + script, "sh", dir.toString());
    }

    static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
