package org.hygie.audit.collect.linux;

import java.util.Optional;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.CommandResult;

/** Asks systemd about a unit, as a standard user. */
final class Systemd {
    private Systemd() {
    }

    /** The answer of {@code systemctl is-active UNIT}: {@code active}, {@code inactive}, ... */
    static UnitState isActive(CollectionContext ctx, String unit) {
        return state(ctx.run("systemctl", "is-active", unit), "systemctl is-active " + unit);
    }

    /** The answer of {@code systemctl is-enabled UNIT}: {@code enabled}, {@code disabled}, ... */
    static UnitState isEnabled(CollectionContext ctx, String unit) {
        return state(ctx.run("systemctl", "is-enabled", unit), "systemctl is-enabled " + unit);
    }

    private static UnitState state(CommandResult r, String command) {
        String word = r.stdout().strip().lines().findFirst().orElse("");
        boolean understood = r.completed() && word.matches("[a-z-]+") && r.stderr().isBlank();
        return new UnitState(understood ? Optional.of(word) : Optional.empty(), r, command);
    }

    /**
     * A unit's state word, or the result that did not give one.
     *
     * @param word    e.g. {@code active}; empty when systemd did not answer
     * @param result  the command result
     * @param command the command line, for the evidence
     */
    record UnitState(Optional<String> word, CommandResult result, String command) {
        boolean is(String expected) {
            return word.map(expected::equals).orElse(false);
        }

        boolean answered() {
            return word.isPresent();
        }
    }
}
