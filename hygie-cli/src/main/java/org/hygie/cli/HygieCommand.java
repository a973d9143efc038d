package org.hygie.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code hygie} command; each verb is a subcommand. */
@Command(name = "hygie", mixinStandardHelpOptions = true, version = "hygie 0.1.0",
        subcommands = {AuditCommand.class},
        description = "Hygie: la sécurité informatique du cabinet médical / IT-security health for the medical practice.")
public final class HygieCommand {
    static int run(String[] args) {
        return new CommandLine(new HygieCommand()).execute(args);
    }
}
