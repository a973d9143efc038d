package org.hygie.practice.duty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the OS commands the practice layer needs (before-commands, smartctl, schedulers); tests replace it. */
public interface Commands {
    /** A command's outcome; {@code exit} is -1 when it could not start or was stopped at its time limit. */
    record Result(int exit, String out, String err, boolean timedOut) {
        public boolean ok() {
            return exit == 0 && !timedOut;
        }

        /** The last lines of the output and errors, for the journal. */
        public String tail(int max) {
            String all = (out + (err.isEmpty() ? "" : "\n" + err)).strip();
            return all.length() <= max ? all : "…" + all.substring(all.length() - max);
        }
    }

    Result run(List<String> argv, Path workDir, Duration limit);

    /** Whether a program is on the PATH. */
    boolean installed(String program);

    /** A command line through the OS shell ({@code sh -c} or {@code cmd /c}). */
    static List<String> shell(String commandLine) {
        return System.getProperty("os.name", "").startsWith("Windows") ? List.of("cmd", "/c", commandLine)
                : List.of("/bin/sh", "-c", commandLine);
    }

    /** Real processes. */
    Commands SYSTEM = new Commands() {
        @Override
        public Result run(List<String> argv, Path workDir, Duration limit) {
            ProcessBuilder pb = new ProcessBuilder(argv);
            if (workDir != null) {
                pb.directory(workDir.toFile());
            }
            try {
                Process p = pb.start();
                p.getOutputStream().close();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                Thread a = drain(p.getInputStream(), out);
                Thread b = drain(p.getErrorStream(), err);
                boolean done = p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
                if (!done) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                }
                a.join(2000);
                b.join(2000);
                return new Result(done ? p.exitValue() : -1, out.toString(StandardCharsets.UTF_8),
                        err.toString(StandardCharsets.UTF_8), !done);
            } catch (IOException e) {
                return new Result(-1, "", String.valueOf(e.getMessage()), false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(-1, "", "interrupted", false);
            }
        }

        private Thread drain(InputStream in, ByteArrayOutputStream to) {
            Thread t = new Thread(() -> {
                try {
                    byte[] buf = new byte[8192];
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        synchronized (to) {
                            if (to.size() < 1 << 20) {
                                to.write(buf, 0, n);
                            }
                        }
                    }
                } catch (IOException e) {
                    // the process ended
                }
            }, "hygie-command-output");
            t.setDaemon(true);
            t.start();
            return t;
        }

        @Override
        public boolean installed(String program) {
            String path = System.getenv("PATH");
            if (path == null) {
                return false;
            }
            for (String dir : path.split(java.io.File.pathSeparator)) {
                for (String suffix : new String[] {"", ".exe"}) {
                    if (Path.of(dir, program + suffix).toFile().canExecute()) {
                        return true;
                    }
                }
            }
            return false;
        }
    };
}
