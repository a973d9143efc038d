package org.hygie.web.report;

import static org.hygie.web.html.Html.esc;

import java.util.List;
import org.hygie.practice.gdpr.GdprOverview;
import org.hygie.practice.gdpr.Processing;
import org.hygie.web.html.Fmt;
import org.hygie.web.html.I18n;
import org.hygie.web.pages.GdprPage;
import org.hygie.web.practice.GdprState;

/**
 * Part 6 of the security report: the GDPR file as {@code hygie-practice} judged it — the register of processing
 * activities (summary) and its review, the breaches of the last twelve months with their decisions, and the legal
 * retention. XHTML, like the rest of the report.
 */
final class GdprPart {
    private GdprPart() {
    }

    static String html(I18n t, Fmt f, GdprState gdpr) {
        StringBuilder sb = new StringBuilder("<h2 id=\"gdpr\">6. ").append(esc(t.t("report.gdpr"))).append("</h2>");
        if (!gdpr.configured()) {
            return sb.append("<p>").append(esc(t.t("gdpr.not-configured"))).append("</p>").toString();
        }
        if (!gdpr.readable()) {
            sb.append("<p class=\"red\">").append(esc(gdpr.problems().get(0))).append("</p><ul>");
            gdpr.problems().subList(1, gdpr.problems().size()).forEach(p -> sb.append("<li>").append(esc(p))
                    .append("</li>"));
            return sb.append("</ul>").toString();
        }
        GdprOverview o = gdpr.overview();
        sb.append("<h3>").append(esc(t.t("report.gdpr.register"))).append("</h3><p>")
                .append(esc(GdprPage.review(t, f, o))).append("</p>");
        if (!o.register().isEmpty()) {
            sb.append("<table class=\"rules\"><thead><tr><th>").append(esc(t.t("report.gdpr.processing"))).append("</th><th>")
                    .append(esc(t.t("gdpr.entry.purpose"))).append("</th><th>").append(esc(t.t("gdpr.entry.legal-basis")))
                    .append("</th><th>").append(esc(t.t("gdpr.entry.retention"))).append("</th><th>")
                    .append(esc(t.t("gdpr.entry.reviewed"))).append("</th></tr></thead><tbody>");
            for (Processing p : o.register()) {
                sb.append("<tr><td>").append(esc(p.name())).append("</td><td>").append(esc(p.purpose()))
                        .append("</td><td>").append(esc(p.legalBasis())).append("</td><td>").append(esc(p.retention()))
                        .append("</td><td class=\"nowrap\">").append(esc(p.lastReviewed() == null
                                ? t.t("gdpr.entry.never-reviewed") : f.date(p.lastReviewed()))).append("</td></tr>");
            }
            sb.append("</tbody></table>");
        }
        sb.append("<h3>").append(esc(t.t("report.gdpr.breaches"))).append("</h3>");
        List<GdprOverview.Entry> recent = o.recentBreaches();
        if (recent.isEmpty()) {
            sb.append("<p>").append(esc(t.t("report.gdpr.breaches.none"))).append("</p>");
        } else {
            sb.append("<table><thead><tr><th>").append(esc(t.t("gdpr.breach.id"))).append("</th><th>")
                    .append(esc(t.t("gdpr.breach.what"))).append("</th><th>").append(esc(t.t("gdpr.breach.clock")))
                    .append("</th></tr></thead><tbody>");
            for (GdprOverview.Entry e : recent) {
                sb.append("<tr><td class=\"nowrap\">").append(esc(e.breach().id())).append("<br />")
                        .append(esc(t.t("gdpr.breach.discovered", f.dateTime(e.breach().discoveredAt()))))
                        .append("</td><td>").append(esc(e.breach().whatHappened())).append("</td><td class=\"")
                        .append(GdprPage.colour(e.clock())).append("\">").append(esc(GdprPage.clock(t, f, e)))
                        .append("</td></tr>");
            }
            sb.append("</tbody></table>");
        }
        sb.append("<h3>").append(esc(t.t("report.gdpr.retention"))).append("</h3><p>")
                .append(esc(GdprPage.retention(t, o))).append("</p>");
        return sb.toString();
    }
}
