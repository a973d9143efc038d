package org.hygie.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where a command writes: results on standard output, warnings, errors and progress on standard error.
 * Progress is shown only when standard error is a terminal.
 */
public final class Terminal {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;
    private long lastProgress;

    public Terminal(PrintStream out, PrintStream err, boolean interactive) {
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    public static Terminal system() {
        Charset charset = outputCharset(Charset.defaultCharset(), System.getProperty("os.name", ""));
        if (charset.equals(Charset.defaultCharset())) {
            return new Terminal(System.out, System.err, System.console() != null);
        }
        return new Terminal(new PrintStream(new FileOutputStream(FileDescriptor.out), true, charset),
                new PrintStream(new FileOutputStream(FileDescriptor.err), true, charset), System.console() != null);
    }

    /**
     * The encoding of what Hygie prints: the system's, except that a locale of plain ASCII (no LANG, as under cron,
     * a systemd timer or {@code LANG=C}) gets UTF-8 on Linux and macOS, as restic and most tools print: with ASCII
     * every accent of the French messages would become '?'.
     */
    static Charset outputCharset(Charset system, String osName) {
        boolean windows = osName.toLowerCase(Locale.ROOT).startsWith("windows");
        return !windows && system.equals(StandardCharsets.US_ASCII) ? StandardCharsets.UTF_8 : system;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream errStream() {
        return err;
    }

    public boolean interactive() {
        return interactive;
    }

    public void println(String line) {
        out.println(line);
    }

    public void warn(String line) {
        clearProgress();
        err.println(line);
    }

    /**
     * Rewrites the progress line at most 4 times a second, only on a terminal. The line is made only when it is
     * shown: engines report progress far more often than that, and formatting each report cost real CPU.
     */
    public void progress(java.util.function.Supplier<String> line, boolean force) {
        if (!interactive) {
            return;
        }
        long now = System.nanoTime();
        if (!force && now - lastProgress < 250_000_000L) {
            return;
        }
        lastProgress = now;
        err.print("\r\033[K" + line.get());
        err.flush();
    }

    public void clearProgress() {
        if (interactive && lastProgress != 0) {
            err.print("\r\033[K");
            err.flush();
            lastProgress = 0;
        }
    }
}
