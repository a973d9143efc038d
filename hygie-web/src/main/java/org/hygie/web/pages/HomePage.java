package org.hygie.web.pages;

import static org.hygie.web.html.Html.esc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.hygie.audit.result.AuditReport;
import org.hygie.audit.result.RuleResult;
import org.hygie.audit.result.SectionScore;
import org.hygie.web.audit.AuditCache;
import org.hygie.web.html.Layout;
import org.hygie.web.html.Req;
import org.hygie.web.practice.Notice;
import org.hygie.web.practice.PracticeState;

/** "Êtes-vous protégé ?": one light per guide section, one sentence and the action, most urgent first. */
public final class HomePage {
    private HomePage() {
    }

    /** One line of the home page. */
    record Line(String section, String title, Lights light, String sentence, String action, String link, int order) {
    }

    public static String render(Req r, AuditCache audits, PracticeState practice, boolean actions) {
        AuditReport report;
        try {
            report = audits.get(r.lang(), 60);
        } catch (TimeoutException e) {
            return Layout.page(r, r.t("home.title"), AuditPage.running(r), actions);
        }
        List<Line> lines = lines(r, report, practice);
        long red = lines.stream().filter(l -> l.light() == Lights.RED).count();
        long orange = lines.stream().filter(l -> l.light() == Lights.ORANGE).count();
        StringBuilder sb = new StringBuilder();
        sb.append("<h1>").append(r.et("home.title")).append("</h1>");
        Lights overall = red > 0 ? Lights.RED : orange > 0 ? Lights.ORANGE : Lights.GREEN;
        String headline = red > 0 ? r.t("home.headline.red", red) : orange > 0 ? r.t("home.headline.orange", orange)
                : r.t("home.headline.green");
        sb.append("<p class=\"headline ").append(overall.css()).append("\" id=\"headline\">")
                .append(Layout.light(overall.css(), r.t("light." + overall.css()))).append(esc(headline)).append("</p>");
        sb.append("<p class=\"muted\">").append(r.et("home.audited", report.host(), r.fmt().dateTime(report.startedAt())))
                .append("</p>");
        sb.append("<ol class=\"lights\" id=\"sections\">");
        for (Line l : lines) {
            sb.append("<li class=\"").append(l.light().css()).append("\" data-section=\"").append(esc(l.section()))
                    .append("\">").append(Layout.light(l.light().css(), r.t("light." + l.light().css())))
                    .append("<div><h2>").append(esc(l.title())).append("</h2><p>").append(esc(l.sentence())).append("</p>");
            if (l.action() != null && !l.action().isBlank()) {
                sb.append("<p class=\"action\"><strong>").append(r.et("home.todo")).append("</strong> ")
                        .append(esc(l.action())).append("</p>");
            }
            sb.append("<p class=\"more\"><a href=\"").append(esc(l.link())).append("\">").append(r.et("home.details"))
                    .append("</a></p></div></li>");
        }
        sb.append("</ol>");
        return Layout.page(r, r.t("home.title"), sb.toString(), actions);
    }

    static List<Line> lines(Req r, AuditReport report, PracticeState practice) {
        List<Line> lines = new ArrayList<>();
        int order = 0;
        for (SectionScore s : report.sections()) {
            Lights light = Lights.of(s);
            RuleResult first = report.actions().stream().filter(a -> a.section().equals(s.section())).findFirst()
                    .orElse(null);
            String sentence;
            String action = null;
            if (first == null) {
                sentence = light == Lights.GREY ? r.t("home.section.na") : r.t("home.section.ok", s.pass());
            } else {
                sentence = r.t("home.sentence", first.title(), first.evidence());
                action = first.status() == org.hygie.audit.result.Status.MANUAL ? r.t("home.attest") : first.remediation();
            }
            String link = "/audit#section-" + s.section();
            if (s.section().equals("backup") && practice.configured()) {
                Notice n = practice.notices().isEmpty() ? null : practice.notices().get(0);
                if (n != null) {
                    Lights pl = n.urgent() ? Lights.RED : Lights.ORANGE;
                    if (pl.ordinal() <= light.ordinal()) {
                        sentence = n.text();
                        action = n.action();
                    }
                    light = light.worst(pl);
                }
                link = "/backups";
            }
            if (s.section().equals("gdpr") && practice.configured()) {
                link = "/gdpr";
            }
            lines.add(new Line(s.section(), s.title(), light, sentence, action, link, order++));
        }
        lines.sort(Comparator.comparing(Line::light).thenComparing(Line::order));
        return lines;
    }
}
