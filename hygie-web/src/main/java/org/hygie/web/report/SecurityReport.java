package org.hygie.web.report;

import static org.hygie.web.html.Html.esc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hygie.audit.result.AuditReport;
import org.hygie.audit.result.RuleResult;
import org.hygie.audit.result.SectionScore;
import org.hygie.audit.result.Status;
import org.hygie.web.html.Fmt;
import org.hygie.web.html.I18n;
import org.hygie.web.pages.BackupsPage;
import org.hygie.web.pages.Lights;
import org.hygie.web.practice.GdprState;
import org.hygie.web.practice.MediumInfo;
import org.hygie.web.practice.Night;
import org.hygie.web.practice.NightStatus;
import org.hygie.web.practice.Notice;
import org.hygie.web.practice.PracticeState;
import org.hygie.web.practice.Proof;

/**
 * The practice's dated security report, for its GDPR file: audit per guide section, media plan and rotation, backup
 * history with verifications and drills, retention, the GDPR file (register, breaches of the year and their
 * decisions, legal retention), open actions, and room for the doctor's signature. Written as
 * XHTML (well-formed XML) so that {@link PdfReport} prints the very same document.
 */
public final class SecurityReport {
    /** Nights of history summed up per medium. */
    static final int NIGHTS = 90;

    private SecurityReport() {
    }

    public static String html(AuditReport audit, PracticeState practice, GdprState gdpr, String lang, ZoneId zone,
                              Instant now) {
        I18n t = I18n.of(lang);
        Fmt f = new Fmt(t, zone);
        StringBuilder sb = new StringBuilder(32_000);
        String title = t.t("report.title");
        sb.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"").append(esc(t.lang()))
                .append("\"><head><meta charset=\"utf-8\" /><title>").append(esc(title)).append("</title><style>")
                .append(CSS).append("</style></head><body>");
        sb.append("<div class=\"cover\"><h1>").append(esc(title)).append("</h1>");
        if (practice.practice() != null) {
            sb.append("<p class=\"practice\">").append(esc(practice.practice())).append("</p>");
        }
        sb.append("<p>").append(esc(t.t("report.dated", f.longDate(now), f.dateTime(now)))).append("</p>");
        sb.append("<p>").append(esc(t.t("report.workstation", audit.host(), audit.os(), f.dateTime(audit.startedAt()))))
                .append("</p>");
        sb.append("<p class=\"muted\">").append(esc(t.t("report.about"))).append("</p></div>");

        // 1. Summary
        sb.append("<h2 id=\"summary\">1. ").append(esc(t.t("report.summary"))).append("</h2>");
        sb.append("<p>").append(esc(t.t("report.overall", audit.overall().score() == null ? "–"
                : String.valueOf(audit.overall().score()), audit.overall().coverage()))).append("</p>");
        sb.append("<table><thead><tr><th>").append(esc(t.t("report.section"))).append("</th><th>")
                .append(esc(t.t("report.state"))).append("</th><th>").append(esc(t.t("report.score"))).append("</th><th>")
                .append(esc(t.t("report.counts"))).append("</th></tr></thead><tbody>");
        for (SectionScore s : audit.sections()) {
            Lights l = Lights.of(s);
            sb.append("<tr><td>").append(esc(s.title())).append("</td><td class=\"").append(l.css()).append("\">")
                    .append(esc(t.t("light." + l.css()))).append("</td><td class=\"nowrap\">")
                    .append(s.score() == null ? "–" : s.score() + "/100").append("</td><td>")
                    .append(esc(t.t("report.counts.value", s.pass(), s.warn(), s.fail(), s.unknown() + s.manual())))
                    .append("</td></tr>");
        }
        sb.append("</tbody></table>");

        // 2. Audit per section
        sb.append("<h2 id=\"audit\">2. ").append(esc(t.t("report.audit"))).append("</h2>");
        for (SectionScore s : audit.sections()) {
            sb.append("<h3>").append(esc(s.title())).append("</h3><table class=\"rules\"><thead><tr><th>")
                    .append(esc(t.t("audit.col.point"))).append("</th><th>").append(esc(t.t("audit.col.status")))
                    .append("</th><th>").append(esc(t.t("audit.col.evidence"))).append("</th></tr></thead><tbody>");
            for (RuleResult r : audit.results()) {
                if (!r.section().equals(s.section())) {
                    continue;
                }
                Lights l = Lights.of(r.status());
                sb.append("<tr><td>").append(esc(r.title())).append(" <span class=\"muted\">").append(esc(r.guidePoint()))
                        .append("</span></td><td class=\"").append(l.css()).append("\">")
                        .append(esc(t.t("status." + r.status().code()))).append("</td><td>").append(esc(r.evidence()))
                        .append("</td></tr>");
            }
            sb.append("</tbody></table>");
        }

        // 3. Media plan
        sb.append("<h2 id=\"media\">3. ").append(esc(t.t("report.media"))).append("</h2>");
        if (!practice.configured()) {
            sb.append("<p>").append(esc(t.t("backups.not-configured"))).append("</p>");
        } else {
            sb.append("<table><thead><tr><th>").append(esc(t.t("media.name"))).append("</th><th>")
                    .append(esc(t.t("media.where"))).append("</th><th>").append(esc(t.t("media.rotation")))
                    .append("</th><th>").append(esc(t.t("media.last-backup"))).append("</th><th>")
                    .append(esc(t.t("media.last-verified"))).append("</th></tr></thead><tbody>");
            for (MediumInfo m : practice.media()) {
                String where = m.present()
                        ? m.since() == null ? t.t("media.present") : t.t("media.present-since", f.date(m.since()))
                        : (m.since() == null ? t.t("media.away") : t.t("media.away-since", f.date(m.since())))
                        + (m.keptAt() == null ? "" : " – " + m.keptAt());
                if (m.offsite()) {
                    where = t.t("media.offsite") + " – " + where;
                }
                String rot = m.rotates() ? t.t("media.rotates", f.duration(m.rotation())) : t.t("media.always-on");
                sb.append("<tr><td>").append(esc(m.name())).append("<br /><span class=\"muted\">").append(esc(m.location()))
                        .append("</span></td><td>").append(esc(where)).append("</td><td>").append(esc(rot))
                        .append(m.swapDue() ? " – " + esc(t.t("media.swap-due")) : "").append("</td><td>")
                        .append(esc(f.dateTime(m.lastBackup()))).append("</td><td>").append(esc(f.dateTime(m.lastVerified())))
                        .append("</td></tr>");
            }
            sb.append("</tbody></table>");
            sb.append("<p>").append(esc(practice.outsideCopy() == null ? t.t("backups.outside.none")
                    : t.t("backups.outside", f.dateTime(practice.outsideCopy()),
                    t.t(practice.outsideFresh() ? "backups.outside.fresh" : "backups.outside.stale")))).append("</p>");
        }

        // 4. History, verifications and drills
        sb.append("<h2 id=\"history\">4. ").append(esc(t.t("report.history"))).append("</h2>");
        if (!practice.configured()) {
            sb.append("<p>").append(esc(t.t("report.history.none"))).append("</p>");
        } else {
            LocalDate today = now.atZone(zone).toLocalDate();
            sb.append("<table><thead><tr><th>").append(esc(t.t("media.name"))).append("</th>");
            for (NightStatus s : NightStatus.values()) {
                sb.append("<th>").append(esc(t.t("night." + s.code()))).append("</th>");
            }
            sb.append("</tr></thead><tbody>");
            for (MediumInfo m : practice.media()) {
                Map<NightStatus, Integer> n = new EnumMap<>(NightStatus.class);
                for (NightStatus s : NightStatus.values()) {
                    n.put(s, 0);
                }
                List<Night> nights = practice.nights(m.name()).stream()
                        .filter(x -> !x.date().isBefore(today.minusDays(NIGHTS - 1L)) && !x.date().isAfter(today)).toList();
                nights.forEach(x -> n.merge(x.status(), 1, Integer::sum));
                n.put(NightStatus.NONE, NIGHTS - nights.size());
                sb.append("<tr><td>").append(esc(m.name())).append("</td>");
                for (NightStatus s : NightStatus.values()) {
                    sb.append("<td>").append(n.get(s)).append("</td>");
                }
                sb.append("</tr>");
            }
            sb.append("</tbody></table><p class=\"muted\">").append(esc(t.t("report.history.span", NIGHTS))).append("</p>");
            sb.append("<h3>").append(esc(t.t("report.verifications"))).append("</h3>").append(proofs(t, f, practice.verifications()));
            sb.append("<h3>").append(esc(t.t("report.drills"))).append("</h3>").append(proofs(t, f, practice.drills()));
        }

        // 5. Retention
        sb.append("<h2 id=\"retention\">5. ").append(esc(t.t("backups.retention"))).append("</h2><p>");
        if (practice.retention() == null) {
            sb.append(esc(t.t("report.retention.none")));
        } else {
            sb.append(esc(t.t("retention.text", practice.retention().daily(), practice.retention().weekly(),
                    practice.retention().monthly(), practice.retention().yearlyWithinYears())));
            String note = BackupsPage.retentionNote(t, f, practice.retention());
            if (note != null) {
                sb.append("</p><p>").append(esc(note));
            }
        }
        sb.append("</p>");

        // 6. GDPR file
        sb.append(GdprPart.html(t, f, gdpr));

        // 7. Open actions
        sb.append("<h2 id=\"actions\">7. ").append(esc(t.t("report.actions"))).append("</h2>");
        if (audit.actions().isEmpty() && practice.notices().isEmpty()) {
            sb.append("<p>").append(esc(t.t("report.actions.none"))).append("</p>");
        } else {
            sb.append("<ol class=\"actions\">");
            for (Notice n : practice.notices()) {
                sb.append("<li><strong>").append(esc(n.text())).append("</strong>")
                        .append(n.action() == null ? "" : " " + esc(n.action())).append("</li>");
            }
            for (RuleResult r : audit.actions()) {
                sb.append("<li><strong>").append(esc(t.t("status." + r.status().code()))).append(" – ")
                        .append(esc(r.title())).append("</strong> : ").append(esc(r.evidence())).append("<br />")
                        .append(esc(r.status() == Status.MANUAL ? t.t("home.attest") : r.remediation())).append("</li>");
            }
            sb.append("</ol>");
        }

        // 8. Signature
        sb.append("<div class=\"signature\"><h2 id=\"signature\">8. ").append(esc(t.t("report.signature")))
                .append("</h2><p>").append(esc(t.t("report.signature.text"))).append("</p><table class=\"sign\"><tr><td>")
                .append(esc(t.t("report.signature.name"))).append("</td><td>").append(esc(t.t("report.signature.date")))
                .append("</td></tr><tr><td class=\"box\">&#160;</td><td class=\"box\">&#160;</td></tr></table>")
                .append("<p class=\"muted\">").append(esc(t.t("report.footer", audit.catalogueVersion())))
                .append("</p></div>");
        sb.append("</body></html>");
        return sb.toString();
    }

    private static String proofs(I18n t, Fmt f, List<Proof> list) {
        if (list.isEmpty()) {
            return "<p>" + esc(t.t("backups.none-yet")) + "</p>";
        }
        StringBuilder sb = new StringBuilder("<table><tbody>");
        for (Proof p : list.subList(0, Math.min(10, list.size()))) {
            sb.append("<tr><td>").append(esc(f.dateTime(p.at()))).append("</td><td>").append(esc(p.medium()))
                    .append("</td><td class=\"").append(p.ok() ? "green" : "red").append("\">")
                    .append(esc(p.ok() ? t.t("ok") : t.t("failed"))).append("</td><td>").append(esc(p.summary()));
            if (!p.details().isEmpty()) {
                sb.append("<div class=\"proof\">");
                p.details().stream().limit(12).forEach(d -> sb.append(esc(d)).append("<br />"));
                sb.append("</div>");
            }
            sb.append("</td></tr>");
        }
        return sb.append("</tbody></table>").toString();
    }

    static final String CSS = """
            @page { size: A4; margin: 16mm 14mm 18mm 14mm;
                    @bottom-center { content: "Hygie – " counter(page) " / " counter(pages); font-family: "DejaVu Sans", Arial, sans-serif; font-size: 8pt; color: #666; } }
            body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 9.5pt; color: #1d2330; }
            h1 { font-size: 20pt; margin: 0 0 4mm; color: #1f4e8c; }
            h2 { font-size: 13pt; margin: 7mm 0 2mm; color: #1f4e8c; border-bottom: 1px solid #c9d3e0; page-break-after: avoid; }
            h3 { font-size: 11pt; margin: 4mm 0 1.5mm; page-break-after: avoid; }
            .cover { border-left: 4px solid #1f4e8c; padding-left: 4mm; }
            .practice { font-size: 13pt; font-weight: bold; }
            .muted { color: #5f6673; font-size: 8.5pt; }
            table { width: 100%; border-collapse: collapse; margin: 1mm 0 3mm; }
            th, td { border: 1px solid #d0d5dc; padding: 1.2mm 1.6mm; text-align: left; vertical-align: top; }
            th { background: #eef1f5; }
            tr { page-break-inside: avoid; }
            td.nowrap { white-space: nowrap; }
            td.red { color: #b71c1c; font-weight: bold; } td.orange { color: #b45f00; font-weight: bold; }
            td.green { color: #1b5e20; } td.grey { color: #666; }
            .proof { font-family: "DejaVu Sans", monospace; font-size: 7.5pt; color: #444; }
            ol.actions li { margin-bottom: 1.5mm; }
            .signature { page-break-inside: avoid; }
            table.sign td { width: 50%; }
            td.box { height: 28mm; }
            """;
}
