package org.hygie.web.pages;

import static org.hygie.web.html.Html.esc;

import java.util.List;
import org.hygie.practice.gdpr.Breach;
import org.hygie.practice.gdpr.BreachClock;
import org.hygie.practice.gdpr.Decision;
import org.hygie.practice.gdpr.GdprOverview;
import org.hygie.practice.gdpr.Processing;
import org.hygie.web.html.Fmt;
import org.hygie.web.html.I18n;
import org.hygie.web.html.Layout;
import org.hygie.web.html.Req;
import org.hygie.web.practice.GdprState;

/**
 * The practice's GDPR file, read-only: what to do, the breach log with each breach's 72-hour clock, the register of
 * processing activities and when it was reviewed, the legal retention. Everything is judged by {@code
 * hygie-practice}; changes are made with {@code hygie gdpr} (the page says which command).
 */
public final class GdprPage {
    private GdprPage() {
    }

    public static String render(Req r, GdprState g, boolean actions) {
        StringBuilder sb = new StringBuilder();
        sb.append("<h1>").append(r.et("gdpr.title")).append("</h1>");
        if (!g.configured()) {
            sb.append("<p class=\"alert orange\" id=\"not-configured\">").append(r.et("gdpr.not-configured"))
                    .append("</p>");
            return Layout.page(r, r.t("gdpr.title"), sb.toString(), actions);
        }
        if (!g.readable()) {
            sb.append("<div class=\"alert red\" id=\"gdpr-problems\"><p>").append(esc(g.problems().get(0)))
                    .append("</p><ul>");
            g.problems().subList(1, g.problems().size()).forEach(p -> sb.append("<li>").append(esc(p)).append("</li>"));
            sb.append("</ul></div>");
            return Layout.page(r, r.t("gdpr.title"), sb.toString(), actions);
        }
        GdprOverview o = g.overview();
        sb.append("<p class=\"muted\">").append(r.et("gdpr.file", o.file())).append("</p>");
        if (g.todo().isEmpty()) {
            sb.append("<p class=\"alert green\" id=\"gdpr-todo\">").append(r.et("gdpr.in-order")).append("</p>");
        } else {
            sb.append("<ul class=\"notices\" id=\"gdpr-todo\">");
            g.todo().forEach(n -> sb.append("<li class=\"alert ").append(n.urgent() ? "red" : "orange").append("\">")
                    .append(esc(n.text())).append(n.action() == null ? "" : " <strong>" + esc(n.action()) + "</strong>")
                    .append("</li>"));
            sb.append("</ul>");
        }
        sb.append(breaches(r, o));
        sb.append(register(r, o));
        sb.append("<h2>").append(r.et("gdpr.retention")).append("</h2><p id=\"legal-retention\">")
                .append(esc(retention(r.i18n(), o))).append("</p>");
        sb.append("<p class=\"muted\">").append(r.et("gdpr.how-to-change")).append("</p>");
        return Layout.page(r, r.t("gdpr.title"), sb.toString(), actions);
    }

    static String breaches(Req r, GdprOverview o) {
        StringBuilder sb = new StringBuilder("<h2>").append(r.et("gdpr.breaches")).append("</h2>");
        if (o.breaches().isEmpty()) {
            return sb.append("<p id=\"breaches\">").append(r.et("gdpr.breaches.none")).append("</p>").toString();
        }
        sb.append("<table id=\"breaches\"><thead><tr><th>").append(r.et("gdpr.breach.id")).append("</th><th>")
                .append(r.et("gdpr.breach.what")).append("</th><th>").append(r.et("gdpr.breach.affected"))
                .append("</th><th>").append(r.et("gdpr.breach.effects")).append("</th><th>")
                .append(r.et("gdpr.breach.clock")).append("</th></tr></thead><tbody>");
        for (GdprOverview.Entry e : o.breaches()) {
            Breach b = e.breach();
            String colour = colour(e.clock());
            sb.append("<tr data-breach=\"").append(esc(b.id())).append("\" data-state=\"")
                    .append(e.clock().state().code()).append("\"><td><strong>").append(esc(b.id()))
                    .append("</strong><br><span class=\"muted\">").append(r.et("gdpr.breach.discovered",
                            r.fmt().dateTime(b.discoveredAt()))).append("</span></td><td>").append(esc(b.whatHappened()))
                    .append("</td><td>").append(pair(r.i18n(), "gdpr.breach.data", b.dataAffected(), "gdpr.breach.people",
                            b.peopleAffected())).append("</td><td>").append(pair(r.i18n(), "gdpr.breach.consequences",
                            b.consequences(), "gdpr.breach.measures", b.measures())).append("</td><td class=\"clock\">")
                    .append(Layout.light(colour, r.t("light." + colour))).append(esc(clock(r.i18n(), r.fmt(), e)))
                    .append("</td></tr>");
        }
        return sb.append("</tbody></table>").toString();
    }

    static String register(Req r, GdprOverview o) {
        StringBuilder sb = new StringBuilder("<h2>").append(r.et("gdpr.register")).append("</h2><p id=\"register-review\">")
                .append(esc(review(r.i18n(), r.fmt(), o))).append("</p>");
        for (Processing p : o.register()) {
            sb.append("<section class=\"entry\" id=\"entry-").append(esc(p.id())).append("\"><h3>").append(esc(p.name()))
                    .append(" <span class=\"muted\">").append(esc(p.id())).append("</span></h3><dl class=\"entry\">");
            item(sb, r.t("gdpr.entry.purpose"), p.purpose());
            item(sb, r.t("gdpr.entry.legal-basis"), p.legalBasis());
            item(sb, r.t("gdpr.entry.subjects"), join(p.dataSubjects()));
            item(sb, r.t("gdpr.entry.data"), join(p.dataCategories()));
            item(sb, r.t("gdpr.entry.recipients"), join(p.recipients()));
            item(sb, r.t("gdpr.entry.retention"), p.retention());
            item(sb, r.t("gdpr.entry.security"), join(p.securityMeasures()));
            item(sb, r.t("gdpr.entry.reviewed"), p.lastReviewed() == null ? r.t("gdpr.entry.never-reviewed")
                    : r.fmt().date(p.lastReviewed()));
            sb.append("</dl></section>");
        }
        return sb.toString();
    }

    /** The colour of a breach's clock: red past the deadline undecided, orange while open, green once decided. */
    public static String colour(BreachClock c) {
        return switch (c.state()) {
            case LATE -> "red";
            case OPEN -> "orange";
            case NOTIFIED, NOT_NOTIFIED -> c.decidedLate() ? "orange" : "green";
        };
    }

    /** Where a breach stands against its 72-hour clock, in words. */
    public static String clock(I18n t, Fmt f, GdprOverview.Entry e) {
        BreachClock c = e.clock();
        Decision d = e.breach().decision();
        String late = c.decidedLate() ? t.t("gdpr.clock.decided-late", c.hoursLate()) : "";
        return switch (c.state()) {
            case OPEN -> t.t("gdpr.clock.open", c.hoursLeft(), f.dateTime(c.deadline()));
            case LATE -> t.t("gdpr.clock.late", c.hoursLate(), f.dateTime(c.deadline()));
            case NOTIFIED -> t.t("gdpr.clock.notified", f.dateTime(d.at()), d.reference() == null ? ""
                    : t.t("gdpr.clock.reference", d.reference())) + late;
            case NOT_NOTIFIED -> t.t("gdpr.clock.not-notified", f.dateTime(d.at()), d.reason()) + late;
        };
    }

    /** When the register was reviewed, in words. */
    public static String review(I18n t, Fmt f, GdprOverview o) {
        if (o.register().isEmpty()) {
            return t.t("gdpr.register.empty");
        }
        if (o.registerReviewed() == null) {
            return t.t("gdpr.register.never", o.register().size());
        }
        return t.t("gdpr.register.reviewed", o.register().size(), f.date(o.registerReviewed()), o.reviewAgeDays(),
                f.date(o.nextReview()));
    }

    /** The legal retention of the backups, in words. */
    public static String retention(I18n t, GdprOverview o) {
        return t.t("gdpr.retention.text", o.legalRetentionYears(), o.legalRetention().toString(),
                GdprOverview.GUIDE_MIN_YEARS);
    }

    private static String pair(I18n t, String k1, String v1, String k2, String v2) {
        StringBuilder sb = new StringBuilder();
        if (v1 != null && !v1.isBlank()) {
            sb.append(esc(t.t(k1, v1)));
        }
        if (v2 != null && !v2.isBlank()) {
            sb.append(sb.length() == 0 ? "" : "<br>").append(esc(t.t(k2, v2)));
        }
        return sb.length() == 0 ? "–" : sb.toString();
    }

    private static void item(StringBuilder sb, String term, String value) {
        sb.append("<dt>").append(esc(term)).append("</dt><dd>").append(esc(value)).append("</dd>");
    }

    private static String join(List<String> items) {
        return items.isEmpty() ? "–" : String.join(" ; ", items);
    }
}
