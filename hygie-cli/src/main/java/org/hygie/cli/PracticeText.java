package org.hygie.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.hygie.practice.config.ConfigException;
import org.hygie.practice.duty.DutyBusyException;
import org.hygie.practice.duty.Notice;
import org.hygie.practice.journal.Event;
import org.hygie.practice.journal.JournalException;
import org.hygie.practice.journal.Outcome;
import org.hygie.practice.journal.Step;
import org.hygie.practice.text.Texts;

/** How the practice commands show journal events and notices on the terminal, in the user's language. */
final class PracticeText {
    private PracticeText() {
    }

    static String date(Instant i, Messages msg) {
        if (i == null) {
            return msg.get("practice.never");
        }
        return DateTimeFormatter.ofPattern(msg.get("practice.datetime-format"), msg.locale())
                .withZone(ZoneId.systemDefault()).format(i);
    }

    static String day(Instant i, Messages msg) {
        if (i == null) {
            return msg.get("practice.never");
        }
        return DateTimeFormatter.ofPattern(msg.get("practice.date-format"), msg.locale())
                .withZone(ZoneId.systemDefault()).format(i);
    }

    /** One line for a journal event, or null for events not worth a line on the terminal. */
    static String event(Event e, Messages msg) {
        var d = e.data();
        String m = e.medium();
        return switch (e.step()) {
            case Step.PRESENCE -> msg.get("run.presence." + d.path("presence").asText(), m, d.path("location").asText(),
                    problem(d, msg));
            case Step.BEFORE -> msg.get(e.outcome() == Outcome.OK ? "run.before.ok" : "run.before.failed",
                    d.path("command").asText(), d.path("detail").asText());
            case Step.BACKUP -> switch (e.outcome()) {
                case OK, WARNING -> msg.get(e.outcome() == Outcome.OK ? "run.backup.ok" : "run.backup.partial",
                        d.path("source").asText(), m, d.path("total_files").asLong(),
                        msg.bytes(d.path("data_added_packed").asLong()),
                        d.path("snapshot").asText("").length() >= 8 ? d.path("snapshot").asText().substring(0, 8) : "",
                        d.path("warnings").asInt());
                default -> "source-missing".equals(d.path("reason").asText())
                        ? msg.get("run.backup.missing", d.path("source").asText())
                        : msg.get("run.backup.failed", m, d.path("detail").asText());
            };
            case Step.RETENTION -> e.outcome() == Outcome.OK ? msg.get("run.retention.ok", m, d.path("removed").asInt())
                    : e.outcome() == Outcome.SKIPPED ? msg.get("run.retention.skipped", m)
                    : msg.get("run.retention.failed", m, d.path("detail").asText());
            case Step.VERIFY -> msg.get(e.outcome() == Outcome.OK ? "run.verify.ok" : "run.verify.failed", m,
                    d.path("share").asText(), d.path("packs_read").asLong(), msg.bytes(d.path("bytes_read").asLong()),
                    d.path("errors").asInt(), d.path("cycle_complete").asBoolean() ? 1 : 0);
            case Step.SMART -> msg.get("run.smart." + d.path("health").asText(), m, d.path("detail").asText(""));
            case Step.SPACE -> null;
            case Step.DRILL -> e.outcome() == Outcome.SKIPPED ? msg.get("run.drill.none")
                    : msg.get(e.outcome() == Outcome.OK ? "run.drill.ok" : "run.drill.failed", m,
                    d.path("files_ok").asInt(), d.path("files_checked").asInt(), d.path("whole").asBoolean() ? 1 : 0,
                    d.path("detail").asText(""));
            case Step.AUDIT -> d.has("score") ? msg.get("run.audit", d.path("score").asText("–"), d.path("fail").asInt())
                    : msg.get("run.audit.none", d.path("detail").asText(""));
            case Step.MAIL -> e.outcome() == Outcome.OK ? msg.get("run.mail.ok", join(d.path("to")))
                    : e.outcome() == Outcome.SKIPPED ? msg.get("run.mail.skipped")
                    : msg.get("run.mail.failed", d.path("detail").asText());
            case Step.DUTY -> e.outcome() == Outcome.FAILED ? msg.get("run.duty.failed", e.summary()) : null;
            default -> null;
        };
    }

    /**
     * What is wrong with a medium refused for its credentials file, and the fix: the configuration's sentence
     * (naming the file, never its content) in the user's language; empty for the other presences.
     */
    private static String problem(com.fasterxml.jackson.databind.JsonNode d, Messages msg) {
        if (!d.hasNonNull("problem")) {
            return "";
        }
        List<String> args = new java.util.ArrayList<>();
        d.path("args").forEach(a -> args.add(a.asText()));
        return Texts.of(msg.locale()).get(new Texts.Phrase(d.path("problem").asText(), args, false));
    }

    private static String join(com.fasterxml.jackson.databind.JsonNode array) {
        java.util.List<String> out = new java.util.ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return String.join(", ", out);
    }

    static void notices(List<Notice> notices, Messages msg, Terminal t) {
        Texts texts = Texts.of(msg.locale());
        List<Notice> shown = notices.stream().filter(n -> n.level() != Notice.Level.INFO || n.action(texts) == null)
                .toList();
        if (shown.isEmpty()) {
            t.println(msg.get("practice.todo.none"));
            return;
        }
        t.println(msg.get("practice.todo"));
        int i = 1;
        for (Notice n : shown) {
            t.println(msg.get("practice.todo.item", i++, msg.get("practice.level." + n.level().code()), n.text(texts)));
            String a = n.action(texts);
            if (a != null) {
                t.println(msg.get("practice.todo.action", a));
            }
            if (n.detail() != null) {
                t.println(msg.get("practice.todo.detail", n.detail()));
            }
        }
    }

    /** The practice layer's errors as messages the user can act on. */
    static RuntimeException translate(RuntimeException e) {
        if (e instanceof DutyBusyException b) {
            return new UserError(ExitCode.LOCKED, "practice.busy", b.holder());
        }
        if (e instanceof JournalException j) {
            return new UserError(ExitCode.FAILED, j.nativeCodeMissing() ? "error.program-part" : "practice.journal",
                    j.getMessage());
        }
        if (e instanceof ConfigException c) {
            return new UserError(ExitCode.USAGE, "practice.config-invalid", String.join("\n  ",
                    c.render(Texts.of("fr"))));
        }
        if (e instanceof java.io.UncheckedIOException u) {
            return new UserError(ExitCode.FAILED, "error.unexpected", u.getMessage());
        }
        return e;
    }

    static int exit(Outcome o) {
        return switch (o) {
            case OK, SKIPPED -> ExitCode.OK;
            case WARNING -> ExitCode.PARTIAL;
            case FAILED -> ExitCode.FAILED;
        };
    }
}
