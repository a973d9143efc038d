package org.hygie.cli;

import java.util.List;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.gdpr.BreachClock;
import org.hygie.practice.gdpr.Decision;
import org.hygie.practice.gdpr.GdprFileException;
import org.hygie.practice.gdpr.GdprOverview;
import org.hygie.practice.gdpr.GdprRefused;
import org.hygie.practice.gdpr.GdprTodo;
import org.hygie.practice.gdpr.Processing;
import org.hygie.practice.text.Texts;

/** How the {@code hygie gdpr} commands put the practice's GDPR file into words on the terminal. */
final class GdprText {
    private GdprText() {
    }

    /** The GDPR file as it stands now, or the user's message when it cannot be read. */
    static GdprOverview overview(PracticeConfig config, Messages msg) {
        try {
            return GdprOverview.read(config, GdprCommand.clock());
        } catch (RuntimeException e) {
            throw translate(e, msg);
        }
    }

    /** The GDPR file's errors as messages: a damaged file (exit 1), a refused change (exit 2). */
    static RuntimeException translate(RuntimeException e, Messages msg) {
        Texts texts = Texts.of(msg.locale());
        if (e instanceof GdprFileException f) {
            return new UserError(ExitCode.FAILED, "gdpr.file-invalid", String.join("\n  ", f.render(texts)));
        }
        if (e instanceof GdprRefused r) {
            return new UserError(ExitCode.USAGE, "gdpr.refused", r.text(texts));
        }
        return PracticeText.translate(e);
    }

    /** Where a breach stands: time left, how late, or the decision. */
    static String clock(GdprOverview.Entry e, Messages msg) {
        BreachClock c = e.clock();
        Decision d = e.breach().decision();
        return switch (c.state()) {
            case OPEN -> msg.get("gdpr.clock.open", c.hoursLeft(), PracticeText.date(c.deadline(), msg));
            case LATE -> msg.get("gdpr.clock.late", c.hoursLate(), PracticeText.date(c.deadline(), msg));
            case NOTIFIED -> msg.get("gdpr.clock.notified", PracticeText.date(d.at(), msg),
                    d.reference() == null ? "" : msg.get("gdpr.clock.reference", d.reference()))
                    + (c.decidedLate() ? msg.get("gdpr.clock.decided-late", c.hoursLate()) : "");
            case NOT_NOTIFIED -> msg.get("gdpr.clock.not-notified", PracticeText.date(d.at(), msg), d.reason())
                    + (c.decidedLate() ? msg.get("gdpr.clock.decided-late", c.hoursLate()) : "");
        };
    }

    /** One breach: its id, discovery, what happened, then its clock. */
    static void breach(GdprOverview.Entry e, Messages msg, Terminal t) {
        var b = e.breach();
        t.println(msg.get("gdpr.breach.line", b.id(), PracticeText.date(b.discoveredAt(), msg), b.whatHappened()));
        t.println(msg.get("gdpr.breach.clock", clock(e, msg)));
        for (String[] f : new String[][] {{"gdpr.breach.data", b.dataAffected()}, {"gdpr.breach.people",
            b.peopleAffected()}, {"gdpr.breach.consequences", b.consequences()}, {"gdpr.breach.measures",
            b.measures()}}) {
            if (f[1] != null && !f[1].isBlank()) {
                t.println(msg.get(f[0], f[1]));
            }
        }
    }

    /** One entry of the register, in full. */
    static void entry(Processing p, Messages msg, Terminal t) {
        t.println(msg.get("gdpr.entry.line", p.id(), p.name(), p.lastReviewed() == null
                ? msg.get("gdpr.entry.never-reviewed") : msg.get("gdpr.entry.reviewed", PracticeText.day(
                p.lastReviewed(), msg))));
        t.println(msg.get("gdpr.entry.purpose", p.purpose()));
        t.println(msg.get("gdpr.entry.legal-basis", p.legalBasis()));
        t.println(msg.get("gdpr.entry.subjects", join(p.dataSubjects())));
        t.println(msg.get("gdpr.entry.data", join(p.dataCategories())));
        t.println(msg.get("gdpr.entry.recipients", join(p.recipients())));
        t.println(msg.get("gdpr.entry.retention", p.retention()));
        t.println(msg.get("gdpr.entry.security", join(p.securityMeasures())));
    }

    /** What the GDPR file asks of the practice, most urgent first. */
    static void todo(List<GdprTodo> todo, Messages msg, Terminal t) {
        Texts texts = Texts.of(msg.locale());
        if (todo.isEmpty()) {
            t.println(msg.get("practice.todo.none"));
            return;
        }
        t.println(msg.get("practice.todo"));
        int i = 1;
        for (GdprTodo x : todo) {
            t.println(msg.get("practice.todo.item", i++, msg.get(x.urgent() ? "practice.level.urgent"
                    : "practice.level.warning"), x.text(texts)));
            t.println(msg.get("practice.todo.action", x.action(texts)));
        }
    }

    private static String join(List<String> items) {
        return items.isEmpty() ? "–" : String.join(" ; ", items);
    }
}
