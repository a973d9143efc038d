package org.hygie.audit.collect;

import java.time.Duration;
import java.util.List;

/**
 * A command to run: an argument list (never a shell string), a time limit and optional standard input.
 *
 * @param argv    program and arguments
 * @param timeout time after which the command is killed
 * @param stdin   text sent on standard input, or null for none
 */
public record Command(List<String> argv, Duration timeout, String stdin) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public Command {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
    }

    public static Command of(String... argv) {
        return new Command(List.of(argv), DEFAULT_TIMEOUT, null);
    }

    public Command withTimeout(Duration limit) {
        return new Command(argv, limit, stdin);
    }

    public Command withStdin(String text) {
        return new Command(argv, timeout, text);
    }

    /** The command as one line, as recordings name it. */
    public String line() {
        return String.join(" ", argv);
    }
}
