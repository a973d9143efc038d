package org.hygie.audit.report;

import java.util.Map;
import org.hygie.audit.result.AuditReport;
import org.hygie.audit.result.RuleResult;
import org.hygie.audit.result.SectionScore;
import org.hygie.audit.result.Status;

/** A self-contained, printable HTML page of the audit (no script, no external resource). */
public final class HtmlReport {
    private static final Map<Status, String> COLOURS = Map.of(Status.PASS, "#1b7f3b", Status.WARN, "#b26a00",
            Status.FAIL, "#b3261e", Status.UNKNOWN, "#5f6368", Status.NOT_APPLICABLE, "#9aa0a6",
            Status.MANUAL, "#1a5fb4");

    private HtmlReport() {
    }

    public static String render(AuditReport r) {
        boolean fr = r.language().equals("fr");
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"").append(r.language()).append("\"><head><meta charset=\"utf-8\">")
                .append("<title>").append(fr ? "Audit du poste " : "Workstation audit ").append(esc(r.host()))
                .append("</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#202124}")
                .append("table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4em;")
                .append("text-align:left;vertical-align:top}.s{font-weight:bold;white-space:nowrap}")
                .append("small{color:#5f6368}</style></head><body>\n");
        h.append("<h1>").append(fr ? "Audit du poste " : "Workstation audit ").append(esc(r.host())).append("</h1>\n");
        h.append("<p>").append(esc(r.startedAt().toString())).append(" · ").append(esc(r.os())).append(" · ")
                .append(fr ? "score global : " : "overall score: ").append(score(r.overall(), fr)).append("</p>\n");
        h.append("<h2>").append(fr ? "À faire, du plus urgent au moins urgent" : "To do, most urgent first").append("</h2>\n<ol>");
        for (RuleResult a : r.actions()) {
            h.append("<li><span class=\"s\" style=\"color:").append(COLOURS.get(a.status())).append("\">")
                    .append(esc(label(a.status(), fr))).append("</span> ").append(esc(a.title())).append(" — ")
                    .append(esc(a.remediation())).append("</li>\n");
        }
        h.append("</ol>\n<h2>").append(fr ? "Par section du guide" : "By guide section").append("</h2>\n<table>");
        for (SectionScore s : r.sections()) {
            h.append("<tr><th colspan=\"3\">").append(esc(s.title())).append(" — ").append(score(s, fr)).append("</th></tr>\n");
            for (RuleResult x : r.results()) {
                if (x.section().equals(s.section())) {
                    h.append("<tr><td class=\"s\" style=\"color:").append(COLOURS.get(x.status())).append("\">")
                            .append(esc(label(x.status(), fr))).append("</td><td>").append(esc(x.title()))
                            .append("<br><small>").append(esc(x.evidence())).append("</small></td><td><small>")
                            .append(esc(x.ruleId())).append("</small></td></tr>\n");
                }
            }
        }
        h.append("</table>\n<p><small>").append(fr ? "Un bon score n'est pas une garantie : il dit seulement que les points "
                + "vérifiables du guide sont en place." : "A good score is no guarantee: it only says the guide's "
                + "checkable points are in place.").append("</small></p>\n</body></html>\n");
        return h.toString();
    }

    private static String score(SectionScore s, boolean fr) {
        return (s.score() == null ? "–" : s.score() + "/100") + (fr ? " (couverture " : " (coverage ") + s.coverage() + " %)";
    }

    /** The status in words. */
    public static String label(Status s, boolean fr) {
        return switch (s) {
            case PASS -> fr ? "OK" : "OK";
            case WARN -> fr ? "À améliorer" : "To improve";
            case FAIL -> fr ? "À corriger" : "To fix";
            case UNKNOWN -> fr ? "Inconnu" : "Unknown";
            case NOT_APPLICABLE -> fr ? "Sans objet" : "Not applicable";
            case MANUAL -> fr ? "À attester" : "To attest";
        };
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
