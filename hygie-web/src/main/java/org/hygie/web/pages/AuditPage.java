package org.hygie.web.pages;

import static org.hygie.web.html.Html.esc;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import org.hygie.audit.Audit;
import org.hygie.audit.attest.AttestationStore;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.result.AuditReport;
import org.hygie.audit.result.RuleResult;
import org.hygie.audit.result.SectionScore;
import org.hygie.audit.result.Status;
import org.hygie.audit.rule.Rule;
import org.hygie.audit.rule.RuleType;
import org.hygie.web.audit.AuditCache;
import org.hygie.web.html.Html;
import org.hygie.web.html.Layout;
import org.hygie.web.html.Req;

/** Every rule of the audit with its status, evidence and remediation; the manual points as attestation forms. */
public final class AuditPage {
    private AuditPage() {
    }

    /** Shown while the audit runs: the page reloads itself (small script, no inline code). */
    static String running(Req r) {
        return "<h1>" + r.et("audit.running.title") + "</h1><p class=\"alert orange\" data-reload=\"3\">"
                + r.et("audit.running") + "</p>";
    }

    public static String render(Req r, AuditCache audits, boolean actions) {
        AuditReport report;
        try {
            report = audits.get(r.lang(), 60);
        } catch (TimeoutException e) {
            return Layout.page(r, r.t("audit.title"), running(r), actions);
        }
        Audit catalogue = new Audit();
        StringBuilder sb = new StringBuilder();
        sb.append("<h1>").append(r.et("audit.title")).append("</h1>");
        sb.append("<p>").append(r.et("audit.summary", report.host(), report.os(), r.fmt().dateTime(report.startedAt()),
                score(r, report.overall()), report.overall().coverage())).append("</p>");
        sb.append("<form method=\"post\" action=\"/audit/refresh\" class=\"inline\">").append(r.csrfField())
                .append("<button type=\"submit\">").append(r.et("audit.refresh")).append("</button></form>");
        sb.append("<nav class=\"toc\"><ul>");
        for (SectionScore s : report.sections()) {
            Lights l = Lights.of(s);
            sb.append("<li><a href=\"#section-").append(esc(s.section())).append("\">")
                    .append(Layout.light(l.css(), r.t("light." + l.css()))).append(esc(s.title())).append("</a></li>");
        }
        sb.append("</ul></nav>");
        for (SectionScore s : report.sections()) {
            Lights l = Lights.of(s);
            sb.append("<section class=\"rules\" id=\"section-").append(esc(s.section())).append("\"><h2>")
                    .append(Layout.light(l.css(), r.t("light." + l.css()))).append(esc(s.title()))
                    .append(" <span class=\"score\">").append(esc(score(r, s))).append("</span></h2>");
            sb.append("<table><thead><tr><th>").append(r.et("audit.col.status")).append("</th><th>")
                    .append(r.et("audit.col.point")).append("</th><th>").append(r.et("audit.col.evidence"))
                    .append("</th><th>").append(r.et("audit.col.remediation")).append("</th></tr></thead><tbody>");
            for (RuleResult x : report.results()) {
                if (!x.section().equals(s.section())) {
                    continue;
                }
                Rule rule = catalogue.catalog().rule(x.ruleId()).orElse(null);
                boolean manual = rule != null && rule.type() == RuleType.MANUAL;
                Lights rl = Lights.of(x.status());
                sb.append("<tr id=\"rule-").append(esc(x.ruleId())).append("\" data-status=\"")
                        .append(esc(x.status().code())).append("\"><td><span class=\"badge ").append(rl.css()).append("\">")
                        .append(r.et("status." + x.status().code())).append("</span></td><td>").append(esc(x.title()))
                        .append(" <span class=\"muted\">").append(esc(x.guidePoint())).append("</span></td><td>")
                        .append(esc(x.evidence()));
                if (x.reason() != null && !x.reason().isBlank() && !x.reason().equals(x.evidence())) {
                    sb.append("<br><span class=\"muted\">").append(esc(x.reason())).append("</span>");
                }
                if (!x.facts().isEmpty()) {
                    sb.append("<details><summary>").append(r.et("audit.facts")).append("</summary><ul class=\"facts\">");
                    for (Fact f : x.facts()) {
                        sb.append("<li><code>").append(esc(f.id())).append("</code> = ")
                                .append(esc(f.available() ? String.valueOf(f.value()) : f.status().toString()))
                                .append(" <span class=\"muted\">(").append(esc(f.source())).append(")</span></li>");
                    }
                    sb.append("</ul></details>");
                }
                sb.append("</td><td>");
                if (x.status() != Status.PASS && x.status() != Status.NOT_APPLICABLE) {
                    sb.append(esc(x.remediation()));
                }
                if (manual) {
                    sb.append(attestForm(r, x));
                }
                sb.append("</td></tr>");
            }
            sb.append("</tbody></table></section>");
        }
        sb.append("<p class=\"muted\">").append(r.et("audit.catalogue", report.catalogueVersion(),
                report.supportDataDate(), report.durationMs())).append("</p>");
        return Layout.page(r, r.t("audit.title"), sb.toString(), actions);
    }

    private static String attestForm(Req r, RuleResult x) {
        String id = "by-" + x.ruleId();
        return "<form method=\"post\" action=\"/audit/attest\" class=\"attest\">" + r.csrfField()
                + "<input type=\"hidden\" name=\"rule\" value=\"" + esc(x.ruleId()) + "\">"
                + "<label for=\"" + esc(id) + "\">" + r.et("audit.attest.by") + "</label> "
                + "<input type=\"text\" id=\"" + esc(id) + "\" name=\"by\" required maxlength=\"100\" autocomplete=\"name\"> "
                + "<button type=\"submit\">" + r.et(x.status() == Status.PASS ? "audit.attest.again" : "audit.attest")
                + "</button></form>";
    }

    static String score(Req r, SectionScore s) {
        return s.score() == null ? "–" : r.t("audit.score", s.score());
    }

    /** POST /audit/attest: records the attestation in the audit's store, then audits again. */
    public static void attest(Context ctx, Req r, Path stateDir, AuditCache audits) {
        String ruleId = ctx.formParam("rule");
        String by = ctx.formParam("by");
        Rule rule = ruleId == null ? null : new Audit().catalog().rule(ruleId).orElse(null);
        if (rule == null || rule.type() != RuleType.MANUAL) {
            throw new IllegalArgumentException(r.t("audit.attest.not-manual", String.valueOf(ruleId)));
        }
        if (by == null || by.isBlank() || by.length() > 100) {
            throw new IllegalArgumentException(r.t("audit.attest.no-name"));
        }
        new AttestationStore(stateDir).attest(ruleId, by, java.time.Clock.systemDefaultZone());
        audits.refresh(r.lang());
        ctx.redirect("/audit#rule-" + Html.url(ruleId), HttpStatus.SEE_OTHER);
    }
}
