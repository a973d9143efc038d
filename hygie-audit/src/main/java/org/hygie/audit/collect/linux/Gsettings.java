package org.hygie.audit.collect.linux;

import java.util.Locale;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.CommandResult;
import org.hygie.audit.collect.Outcomes;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;

/**
 * Reads desktop settings with {@code gsettings get}, in the user's session. Outside a session gsettings answers
 * with built-in defaults from a memory backend, which say nothing of the user's real settings: so nothing is
 * asked when {@link #sessionPresent} is false.
 */
final class Gsettings {
    private Gsettings() {
    }

    /** True when a graphical session with its D-Bus session bus is there to be asked. */
    static boolean sessionPresent(CollectionContext ctx) {
        boolean display = nonBlank(ctx.env("DISPLAY")) || nonBlank(ctx.env("WAYLAND_DISPLAY"))
                || nonBlank(ctx.env("XDG_CURRENT_DESKTOP"));
        String runtime = ctx.env("XDG_RUNTIME_DIR");
        boolean bus = nonBlank(ctx.env("DBUS_SESSION_BUS_ADDRESS"))
                || nonBlank(runtime) && ctx.files().exists(runtime + "/bus");
        return display && bus;
    }

    private static boolean nonBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** The value of {@code schema key} as text with GVariant decorations removed ({@code uint32 300} → {@code 300}). */
    static Value get(CollectionContext ctx, String schema, String key) {
        String command = "gsettings get " + schema + " " + key;
        CommandResult r = ctx.run("gsettings", "get", schema, key);
        if (!r.ok()) {
            return new Value(null, command, r);
        }
        String v = r.stdout().strip();
        for (String prefix : new String[] {"uint32 ", "int32 ", "uint64 ", "int64 ", "@as "}) {
            if (v.startsWith(prefix)) {
                v = v.substring(prefix.length());
            }
        }
        if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
            v = v.substring(1, v.length() - 1);
        }
        return new Value(v, command, r);
    }

    /** One setting's text, or the failed command. */
    record Value(String text, String command, CommandResult result) {
        boolean ok() {
            return text != null;
        }

        Fact bool(String id) {
            if (!ok()) {
                return failure(id);
            }
            String t = text.toLowerCase(Locale.ROOT);
            if (!t.equals("true") && !t.equals("false")) {
                return Fact.unavailable(id, FactStatus.PARSE_ERROR, command, "not a boolean: " + text);
            }
            return Fact.of(id, Boolean.parseBoolean(t), command);
        }

        Long number() {
            try {
                return ok() ? Long.parseLong(text) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        Fact failure(String id) {
            if (ok()) {
                return Fact.unavailable(id, FactStatus.PARSE_ERROR, command, "unexpected value: " + text);
            }
            String msg = result.message().toLowerCase(Locale.ROOT);
            if (msg.contains("no such schema") || msg.contains("no such key")) {
                return Fact.unavailable(id, FactStatus.NOT_SUPPORTED, command,
                        "desktop without this GNOME setting: " + result.message());
            }
            return Outcomes.failed(id, command, result);
        }
    }
}
