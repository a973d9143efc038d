package org.hygie.web.practice;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.hygie.practice.journal.Event;
import org.hygie.practice.journal.Outcome;
import org.hygie.practice.journal.Step;
import org.hygie.practice.text.Texts;
import org.hygie.web.html.Fmt;
import org.hygie.web.html.I18n;

/** A journal event as one line of a running action's page, in the page's language (as {@code hygie run} prints it). */
final class EventLines {
    private EventLines() {
    }

    /** The line, or null for an event not worth one. */
    static String line(Event e, I18n t, Fmt f) {
        JsonNode d = e.data();
        String m = e.medium() == null ? "" : e.medium();
        return switch (e.step()) {
            case Step.PRESENCE -> t.t("event.presence." + d.path("presence").asText(), m, d.path("location").asText(""),
                    d.path("detail").asText(""), problem(d, t));
            case Step.BEFORE -> t.t(e.outcome() == Outcome.OK ? "event.before.ok" : "event.before.failed",
                    d.path("command").asText(), d.path("detail").asText(""));
            case Step.BACKUP -> switch (e.outcome()) {
                case OK -> t.t("event.backup.ok", d.path("source").asText(), m, d.path("total_files").asLong(),
                        f.bytes(d.path("data_added_packed").asLong()));
                case WARNING -> t.t("event.backup.partial", d.path("source").asText(), m,
                        d.path("total_files").asLong(), f.bytes(d.path("data_added_packed").asLong()),
                        d.path("warnings").asInt());
                default -> "source-missing".equals(d.path("reason").asText())
                        ? t.t("event.backup.missing", d.path("source").asText())
                        : t.t("event.backup.failed", m, d.path("detail").asText(""));
            };
            case Step.RETENTION -> switch (e.outcome()) {
                case OK -> t.t("event.retention.ok", m, d.path("removed").asInt());
                case SKIPPED -> t.t("event.retention.skipped", m);
                default -> t.t("event.retention.failed", m, d.path("detail").asText(""));
            };
            case Step.SIZE -> e.outcome() == Outcome.OK ? t.t("event.size", m, f.bytes(d.path("bytes").asLong())) : null;
            case Step.VERIFY -> t.t(e.outcome() == Outcome.OK ? "event.verify.ok" : "event.verify.failed", m,
                    d.path("share").asText(""), d.path("packs_read").asLong(), f.bytes(d.path("bytes_read").asLong()),
                    d.path("errors").asInt());
            case Step.SMART -> t.t("event.smart." + d.path("health").asText("unknown"), m, d.path("detail").asText(""));
            case Step.DRILL -> e.outcome() == Outcome.SKIPPED ? t.t("event.drill.none")
                    : t.t(e.outcome() == Outcome.OK ? "event.drill.ok" : "event.drill.failed", m,
                    d.path("files_ok").asInt(), d.path("files_checked").asInt(), d.path("detail").asText(""));
            case Step.AUDIT -> d.has("score") ? t.t("event.audit", d.path("score").asText("–"), d.path("fail").asInt())
                    : t.t("event.audit.none", d.path("detail").asText(""));
            case Step.MAIL -> switch (e.outcome()) {
                case OK -> t.t("event.mail.ok", join(d.path("to")));
                case SKIPPED -> t.t("event.mail.skipped");
                default -> t.t("event.mail.failed", d.path("detail").asText(""));
            };
            case Step.DUTY -> e.outcome() == Outcome.FAILED ? t.t("event.duty.failed", e.summary()) : null;
            default -> null;
        };
    }

    private static String join(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return String.join(", ", out);
    }

    /**
     * For a medium refused for its credentials file, what is wrong and the fix in the page's language (the
     * configuration's sentence, naming the file, never its content); empty otherwise.
     */
    private static String problem(JsonNode d, I18n t) {
        if (!d.hasNonNull("problem")) {
            return "";
        }
        List<String> args = new ArrayList<>();
        d.path("args").forEach(a -> args.add(a.asText()));
        return Texts.of(t.lang()).get(new Texts.Phrase(d.path("problem").asText(), args, false));
    }
}
