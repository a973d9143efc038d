package org.hygie.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs hygie as a user would: in-process for speed, or as a separate JVM when the environment matters. */
final class CliRunner {
    private CliRunner() {
    }

    record Run(int exit, String out, String err) {
    }

    static Run inProcess(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal t = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        int code = HygieCommand.run(args, t);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A new JVM with this test's classpath, a clean environment plus {@code env}, and no terminal. */
    static Run process(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-cp",
                System.getProperty("java.class.path"), "org.hygie.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        // the build's cache folder (HYGIE_CACHE_DIR, set for the tests) stays: no test writes to ~/.cache
        pb.environment().keySet().removeIf(k -> k.startsWith("HYGIE_") && !k.equals("HYGIE_CACHE_DIR")
                || k.equals("LANG"));
        pb.environment().putAll(env);
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
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("hygie " + String.join(" ", args) + " timed out");
        }
        t.join();
        return new Run(p.exitValue(), out, err.toString(StandardCharsets.UTF_8));
    }
}
