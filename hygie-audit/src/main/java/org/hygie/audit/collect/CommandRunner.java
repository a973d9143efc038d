package org.hygie.audit.collect;

/**
 * Runs a command. {@link LiveCommandRunner} runs it on this machine; {@link ReplayCommandRunner} answers from
 * recorded outputs. Implementations never throw for a missing program or a time-out: they say so in the result.
 */
public interface CommandRunner {
    CommandResult run(Command command);
}
