package org.hygie.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line picocli could not parse, said in the user's language: which option or argument is unknown (and
 * the near ones), missing or has a bad value, then where the help is. Exit code {@link ExitCode#USAGE}.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    private final HygieCommand root;

    UsageErrors(HygieCommand root) {
        this.root = root;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        Messages msg = root.messages();
        Terminal t = root.terminal();
        for (String line : lines(ex, msg)) {
            t.warn("hygie: " + line);
        }
        t.warn(msg.get("usage.help", ex.getCommandLine().getCommandSpec().qualifiedName()));
        return ExitCode.USAGE;
    }

    static List<String> lines(ParameterException ex, Messages msg) {
        List<String> out = new ArrayList<>();
        if (isUnknownVerbForHelp(ex)) {
            return lines(new UnmatchedArgumentException(ex.getCommandLine(), List.of(ex.getValue())), msg);
        }
        if (ex instanceof UnmatchedArgumentException u) {
            out.add(msg.get("usage.unknown", String.join(" ", u.getUnmatched())));
            List<String> near = u.getSuggestions();
            if (!near.isEmpty()) {
                out.add(msg.get("usage.suggest", String.join(", ", near)));
            }
        } else if (ex instanceof MissingParameterException m) {
            List<String> names = new ArrayList<>();
            for (ArgSpec a : m.getMissing()) {
                names.add(name(a));
            }
            out.add(msg.get("usage.missing", String.join(", ", names)));
        } else if (ex.getArgSpec() != null && ex.getValue() != null) {
            ArgSpec a = ex.getArgSpec();
            List<String> allowed = new ArrayList<>();
            if (a.completionCandidates() != null) {
                a.completionCandidates().forEach(allowed::add);
            }
            out.add(allowed.isEmpty() ? msg.get("usage.bad-value", name(a), ex.getValue())
                    : msg.get("usage.bad-choice", name(a), ex.getValue(), String.join(", ", allowed)));
        } else {
            out.add(msg.get("usage.invalid", ex.getMessage()));
        }
        return out;
    }

    /** {@code hygie help WORD} naming no command: picocli's help says so in English, without near names. */
    private static boolean isUnknownVerbForHelp(ParameterException ex) {
        return !(ex instanceof UnmatchedArgumentException) && ex.getArgSpec() == null && ex.getValue() != null
                && !ex.getCommandLine().getSubcommands().isEmpty()
                && !ex.getCommandLine().getSubcommands().containsKey(ex.getValue());
    }

    private static String name(ArgSpec a) {
        return a instanceof OptionSpec o ? o.longestName() : a.paramLabel();
    }
}
