package org.hygie.cli;

import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.util.List;
import java.util.Locale;
import org.hygie.backend.sftp.HostKeyException;
import org.hygie.backend.sftp.LoginRefusedException;
import org.hygie.repository.backend.MissingCredentialsException;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.lock.LockedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The top-level {@code hygie} command; each verb is a subcommand. */
@Command(name = "hygie", mixinStandardHelpOptions = true, version = "hygie 0.1.0",
        description = "Hygie : la sécurité informatique du cabinet médical / IT-security health for the medical practice.",
        exitCodeListHeading = "%nCodes de sortie / exit codes:%n",
        exitCodeList = {"0:tout va bien / all good", "1:échec / failed (check: dépôt abîmé / damaged repository)",
                "2:arguments invalides / invalid arguments", "3:terminé avec avertissements / done with warnings",
                "10:pas de dépôt / no repository", "11:dépôt verrouillé / repository locked",
                "12:mauvais mot de passe / wrong password",
                "13:accès refusé (clé d'hôte SSH, identifiant, droits, stockage sans suppression) / access refused (SSH host key,"
                        + " login, permissions, append-only storage)"})
public final class HygieCommand {
    /**
     * The verbs, in the order the usage lists them. Not in the annotation: picocli builds the model of every
     * subcommand it is given (reflection over ~40 classes and their options, ~0.1 s and ~1,000 classes at each start),
     * so a command line naming a verb gets that one only; the usage, {@code help} and an unknown word get them all.
     */
    static final List<Class<?>> VERBS = List.of(InitCommand.class, SnapshotsCommand.class, LsCommand.class,
            RestoreCommand.class, CheckCommand.class, BackupCommand.class, KeyCommand.class, UnlockCommand.class,
            AuditCommand.class, ForgetCommand.class, PruneCommand.class, CopyCommand.class, ServeCommand.class,
            ReportCommand.class, SetupCommand.class, RunCommand.class, StatusCommand.class, DrillCommand.class,
            ScheduleCommand.class, GdprCommand.class, CommandLine.HelpCommand.class);

    @Mixin
    GlobalOptions global = new GlobalOptions();

    Terminal terminal;

    public Terminal terminal() {
        return terminal;
    }

    public Messages messages() {
        return global.messages();
    }

    static int run(String[] args) {
        return run(args, Terminal.system());
    }

    /** Runs {@code hygie args} writing to {@code terminal}; returns the exit code. Used by tests as well. */
    public static int run(String[] args, Terminal terminal) {
        HygieCommand root = new HygieCommand();
        root.terminal = terminal;
        CommandLine cl = new CommandLine(root);
        Class<?> verb = verb(args);
        for (Class<?> c : verb == null ? VERBS : List.<Class<?>>of(verb)) {
            cl.addSubcommand(c);
        }
        PrintStream out = terminal.out();
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(terminal.errStream(), true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(new UsageErrors(root));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, root));
        try {
            return cl.execute(args);
        } catch (LinkageError e) {
            // picocli hands on errors as they are: here, a part of the program that could not be loaded, such as
            // the compression library's native code copied to a temporary folder mounted noexec
            terminal.clearProgress();
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName());
            terminal.warn("hygie: " + root.messages().get("error.program-part", why));
            return ExitCode.FAILED;
        }
    }

    /** The verb class named by the first word of {@code args} that is not an option, or null (none, or unknown). */
    static Class<?> verb(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--lang")) {
                i++; // its value
            } else if (a.equals("--")) {
                return null;
            } else if (!a.startsWith("-")) {
                for (Class<?> c : VERBS) {
                    if (c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(a)) {
                        return c;
                    }
                }
                return null;
            }
        }
        return null;
    }

    /**
     * The technical detail (English) is shown where it tells the helper more than the sentence: which file is damaged,
     * why the storage failed, who holds the lock. "No snapshot x" after "introuvable : x" only repeats it.
     */
    private static boolean addsToTheMessage(RepositoryException r) {
        return switch (r.problem()) {
            case NOT_FOUND, NO_REPOSITORY, WRONG_PASSWORD, ALREADY_EXISTS -> false;
            default -> true;
        };
    }

    /** The first {@code type} in the chain of causes of {@code ex} (itself included), or null. */
    private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
        for (Throwable c = ex; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    /**
     * A lock found taken by a prune or forget in the 200 ms after ours (its second look runs while the command reads)
     * is the real reason a command failed, even when reading failed first (a pack that prune removed): closing the lock
     * throws it, and try-with-resources keeps it as a suppressed exception.
     */
    private static Exception lockedFirst(Exception ex) {
        for (Throwable c = ex; c != null; c = c.getCause() == c ? null : c.getCause()) {
            for (Throwable s : c.getSuppressed()) {
                if (s instanceof LockedException locked) {
                    return locked;
                }
            }
        }
        return ex;
    }

    /** Access refused: the sentence, then the technical detail (English) when there is one; exit 13. */
    private static int refused(Terminal t, String sentence, String detail) {
        t.warn("hygie: " + sentence);
        if (detail != null) {
            t.warn("  (" + detail + ")");
        }
        return ExitCode.ACCESS_REFUSED;
    }

    private static int handle(Exception thrown, HygieCommand root) {
        Exception ex = lockedFirst(thrown);
        Messages msg = root.messages();
        Terminal t = root.terminal;
        t.clearProgress();
        if (System.getenv("HYGIE_DEBUG") != null) {
            ex.printStackTrace(t.errStream());
        }
        if (ex instanceof UserError u) {
            t.warn("hygie: " + msg.get(u.key(), u.args()));
            return u.exitCode();
        }
        HostKeyException hostKey = cause(ex, HostKeyException.class);
        if (hostKey != null) {
            String key = "error.host-key." + hostKey.reason().name().toLowerCase(Locale.ROOT);
            return refused(t, msg.get(key, hostKey.host(), hostKey.presented(), hostKey.knownHosts(),
                    String.valueOf(hostKey.recorded()), hostKey.recordCommand()), null);
        }
        LoginRefusedException login = cause(ex, LoginRefusedException.class);
        if (login != null) {
            return refused(t, msg.get("error.login-refused", login.user(), login.location()), login.getMessage());
        }
        MissingCredentialsException noCredentials = cause(ex, MissingCredentialsException.class);
        if (noCredentials != null) {
            return refused(t, msg.get("error.no-credentials", noCredentials.location()), noCredentials.getMessage());
        }
        AccessDeniedException denied = cause(ex, AccessDeniedException.class);
        if (denied != null) {
            return refused(t, msg.get("error.access-denied", denied.getFile()), denied.getReason());
        }
        if (ex instanceof RepositoryException r) {
            String key = "error." + r.problem().name().toLowerCase(Locale.ROOT).replace('_', '-');
            t.warn("hygie: " + msg.get(key, r.subject() == null ? "" : r.subject()));
            if (addsToTheMessage(r)) {
                t.warn("  (" + r.getMessage() + ")");
            }
            return ExitCode.of(r.problem());
        }
        t.warn("hygie: " + msg.get("error.unexpected", String.valueOf(ex.getMessage())));
        return ExitCode.FAILED;
    }
}
