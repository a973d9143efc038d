package org.hygie.audit.collect;

/**
 * What a command gave.
 *
 * @param outcome  whether it ran to the end
 * @param exitCode its exit code when it completed, else -1
 * @param stdout   standard output (empty when none)
 * @param stderr   standard error (empty when none)
 */
public record CommandResult(Outcome outcome, int exitCode, String stdout, String stderr) {
    /** How a command run ended. */
    public enum Outcome { COMPLETED, NOT_FOUND, TIMEOUT, FAILED }

    public CommandResult {
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
    }

    public static CommandResult completed(int exitCode, String stdout, String stderr) {
        return new CommandResult(Outcome.COMPLETED, exitCode, stdout, stderr);
    }

    public static CommandResult notFound() {
        return new CommandResult(Outcome.NOT_FOUND, -1, "", "");
    }

    public static CommandResult timeout() {
        return new CommandResult(Outcome.TIMEOUT, -1, "", "");
    }

    public boolean ok() {
        return outcome == Outcome.COMPLETED && exitCode == 0;
    }

    public boolean completed() {
        return outcome == Outcome.COMPLETED;
    }

    /** The first line of standard error (or output), trimmed: the usual refusal or error message. */
    public String message() {
        String text = stderr.isBlank() ? stdout : stderr;
        return text.strip().lines().findFirst().orElse("exit code " + exitCode);
    }
}
