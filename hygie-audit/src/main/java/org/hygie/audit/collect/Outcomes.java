package org.hygie.audit.collect;

import java.util.List;
import java.util.Locale;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;

/** Turns a command that did not answer into the status of the facts it should have given. */
public final class Outcomes {
    private static final List<String> REFUSALS = List.of("authorization failed", "access denied",
            "access is denied", "permission denied", "not authorized", "accès refusé", "acces refuse",
            "administrator access", "must be run as root", "requires root", "operation not permitted",
            "you need to be root", "accès est refusé", "unauthorizedaccess");
    private static final List<String> UNSUPPORTED = List.of("has not been booted with systemd",
            "failed to connect to bus", "could not connect to", "no such interface", "cannot autolaunch d-bus");

    private Outcomes() {
    }

    /** The status a failed run means; {@link FactStatus#ERROR} when nothing more precise fits. */
    public static FactStatus statusOf(CommandResult result) {
        return switch (result.outcome()) {
            case NOT_FOUND -> FactStatus.COMMAND_MISSING;
            case TIMEOUT -> FactStatus.TIMEOUT;
            case FAILED -> FactStatus.ERROR;
            case COMPLETED -> statusOfText(result.stderr() + "\n" + result.stdout());
        };
    }

    /** The status that a refusal or error message means. */
    public static FactStatus statusOfText(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (REFUSALS.stream().anyMatch(t::contains)) {
            return FactStatus.ACCESS_DENIED;
        }
        if (UNSUPPORTED.stream().anyMatch(t::contains)) {
            return FactStatus.NOT_SUPPORTED;
        }
        return FactStatus.ERROR;
    }

    /** The fact {@code id} as not obtained from {@code command}, with the reason the command gave. */
    public static Fact failed(String id, String command, CommandResult result) {
        FactStatus status = statusOf(result);
        String detail = switch (result.outcome()) {
            case NOT_FOUND -> "command not found: " + command.split(" ")[0];
            case TIMEOUT -> "no answer in time: " + command;
            default -> result.message();
        };
        return Fact.unavailable(id, status, command, detail);
    }

    /** The fact {@code id} as unavailable because a file could not be read. */
    public static Fact unreadable(String id, String path, FileRead read) {
        FactStatus status = switch (read.status()) {
            case DENIED -> FactStatus.ACCESS_DENIED;
            case MISSING -> FactStatus.NOT_SUPPORTED;
            default -> FactStatus.ERROR;
        };
        return Fact.unavailable(id, status, path, read.status() == FileRead.Status.DENIED ? path : "cannot read " + path);
    }
}
