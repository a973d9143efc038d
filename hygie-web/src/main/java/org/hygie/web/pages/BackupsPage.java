package org.hygie.web.pages;

import static org.hygie.web.html.Html.esc;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hygie.web.html.Fmt;
import org.hygie.web.html.I18n;
import org.hygie.web.html.Layout;
import org.hygie.web.html.Req;
import org.hygie.web.practice.MediumInfo;
import org.hygie.web.practice.Night;
import org.hygie.web.practice.NightStatus;
import org.hygie.web.practice.PracticeState;
import org.hygie.web.practice.Proof;
import org.hygie.web.practice.RetentionPlan;
import org.hygie.web.practice.SizePoint;

/**
 * The backups as the practice layer records them: a calendar of the last 90 nights per medium, where each medium
 * is (rotation), offsite freshness, repository size over time, last verification and drill with their proof.
 */
public final class BackupsPage {
    static final int NIGHTS = 90;

    private BackupsPage() {
    }

    public static String render(Req r, PracticeState p, boolean actions) {
        StringBuilder sb = new StringBuilder();
        sb.append("<h1>").append(r.et("backups.title")).append("</h1>");
        if (!p.configured()) {
            sb.append("<p class=\"alert orange\" id=\"not-configured\">").append(r.et("backups.not-configured"))
                    .append("</p>");
            return Layout.page(r, r.t("backups.title"), sb.toString(), actions);
        }
        if (p.practice() != null) {
            sb.append("<p class=\"muted\">").append(esc(p.practice())).append("</p>");
        }
        if (!p.notices().isEmpty()) {
            sb.append("<ul class=\"notices\">");
            p.notices().forEach(n -> sb.append("<li class=\"alert ").append(n.urgent() ? "red" : "orange").append("\">")
                    .append(esc(n.text())).append(n.action() == null ? "" : " <strong>" + esc(n.action()) + "</strong>")
                    .append("</li>"));
            sb.append("</ul>");
        }
        sb.append(mediaTable(r, p));
        sb.append(outside(r, p));
        sb.append("<h2>").append(r.et("backups.calendar")).append("</h2>");
        sb.append(legend(r));
        LocalDate today = r.now().atZone(r.fmt().zone()).toLocalDate();
        for (MediumInfo m : p.media()) {
            sb.append(calendar(r, m.name(), p.nights(m.name()), today));
        }
        sb.append("<h2>").append(r.et("backups.size")).append("</h2>");
        for (MediumInfo m : p.media()) {
            List<SizePoint> pts = p.sizes(m.name());
            if (!pts.isEmpty()) {
                sb.append("<figure class=\"chart\"><figcaption>").append(esc(m.name())).append(" – ")
                        .append(esc(r.fmt().bytes(pts.get(pts.size() - 1).bytes()))).append("</figcaption>")
                        .append(sizeChart(r, pts)).append("</figure>");
            }
        }
        sb.append("<h2>").append(r.et("backups.proofs")).append("</h2>");
        sb.append(proofs(r, r.t("backups.verification"), p.verifications(), "verification"));
        sb.append(proofs(r, r.t("backups.drill"), p.drills(), "drill"));
        if (p.retention() != null) {
            sb.append("<h2>").append(r.et("backups.retention")).append("</h2><p id=\"retention\">")
                    .append(r.et("retention.text", p.retention().daily(), p.retention().weekly(),
                            p.retention().monthly(), p.retention().yearlyWithinYears())).append("</p>");
            String note = retentionNote(r.i18n(), r.fmt(), p.retention());
            if (note != null) {
                sb.append("<p id=\"retention-run\" class=\"muted\">").append(esc(note)).append("</p>");
            }
        }
        return Layout.page(r, r.t("backups.title"), sb.toString(), actions);
    }

    /** The freshest copy outside the practice, as the practice layer judges it. */
    static String outside(Req r, PracticeState p) {
        if (p.outsideCopy() == null) {
            return "<p id=\"outside\" class=\"alert red\">" + r.et("backups.outside.none") + "</p>";
        }
        return "<p id=\"outside\" class=\"" + (p.outsideFresh() ? "alert green" : "alert orange") + "\">"
                + r.et("backups.outside", r.fmt().dateTime(p.outsideCopy()),
                r.t(p.outsideFresh() ? "backups.outside.fresh" : "backups.outside.stale")) + "</p>";
    }

    /** What the last retention did, or null when it never ran. */
    public static String retentionNote(I18n t, Fmt f, RetentionPlan plan) {
        if (plan.lastRun() == null) {
            return null;
        }
        return plan.applied() ? t.t("retention.applied", f.dateTime(plan.lastRun()), plan.removed())
                : t.t("retention.not-applied", f.dateTime(plan.lastRun()));
    }

    static String mediaTable(Req r, PracticeState p) {
        StringBuilder sb = new StringBuilder();
        sb.append("<h2>").append(r.et("backups.media")).append("</h2><table id=\"media\"><thead><tr><th>")
                .append(r.et("media.name")).append("</th><th>").append(r.et("media.where")).append("</th><th>")
                .append(r.et("media.rotation")).append("</th><th>").append(r.et("media.last-backup")).append("</th><th>")
                .append(r.et("media.last-verified")).append("</th></tr></thead><tbody>");
        for (MediumInfo m : p.media()) {
            String where;
            if (m.present()) {
                where = m.since() == null ? r.t("media.present") : r.t("media.present-since", r.fmt().date(m.since()));
            } else {
                where = m.since() == null ? r.t("media.away") : r.t("media.away-since", r.fmt().date(m.since()));
                if (m.keptAt() != null) {
                    where += " – " + m.keptAt();
                }
            }
            if (m.offsite()) {
                where = r.t("media.offsite") + " – " + where;
            }
            String rotation = m.rotates() ? r.t("media.rotates", r.fmt().duration(m.rotation())) : r.t("media.always-on");
            if (m.swapDue()) {
                rotation += " – " + r.t("media.swap-due");
            }
            sb.append("<tr data-medium=\"").append(esc(m.name())).append("\"><td><strong>").append(esc(m.name()))
                    .append("</strong><br><span class=\"muted\">").append(esc(m.location())).append("</span></td><td>")
                    .append(esc(where)).append("</td><td").append(m.swapDue() ? " class=\"warn\"" : "").append(">")
                    .append(esc(rotation)).append("</td><td>")
                    .append(esc(m.lastBackup() == null ? r.t("never")
                            : r.fmt().dateTime(m.lastBackup()) + " (" + r.fmt().ago(m.lastBackup(), r.now()) + ")"))
                    .append("</td><td>").append(esc(r.fmt().dateTime(m.lastVerified()))).append("</td></tr>");
        }
        sb.append("</tbody></table>");
        return sb.toString();
    }

    private static String legend(Req r) {
        StringBuilder sb = new StringBuilder("<ul class=\"legend\">");
        for (NightStatus s : NightStatus.values()) {
            sb.append("<li><span class=\"night ").append(s.code()).append("\"></span>")
                    .append(r.et("night." + s.code())).append("</li>");
        }
        return sb.append("</ul>").toString();
    }

    /** The last {@link #NIGHTS} nights of a medium, one square each, oldest at the left, a row per week. */
    static String calendar(Req r, String medium, List<Night> nights, LocalDate today) {
        Map<LocalDate, Night> byDate = new HashMap<>();
        nights.forEach(n -> byDate.put(n.date(), n));
        StringBuilder sb = new StringBuilder();
        sb.append("<div class=\"calendar\" data-medium=\"").append(esc(medium)).append("\"><h3>").append(esc(medium))
                .append("</h3><ol class=\"nights\">");
        LocalDate first = today.minusDays(NIGHTS - 1L);
        for (int i = 0; i < NIGHTS; i++) {
            LocalDate d = first.plusDays(i);
            Night n = byDate.get(d);
            NightStatus s = n == null ? NightStatus.NONE : n.status();
            String label = r.fmt().date(d) + " : " + r.t("night." + s.code())
                    + (n != null && n.detail() != null ? " – " + n.detail() : "");
            sb.append("<li class=\"night ").append(s.code()).append("\" title=\"").append(esc(label))
                    .append("\" data-date=\"").append(d).append("\"><span class=\"sr\">").append(esc(label))
                    .append("</span></li>");
        }
        return sb.append("</ol></div>").toString();
    }

    /** Repository size over time as an inline SVG line (no script, no external library). */
    static String sizeChart(Req r, List<SizePoint> pts) {
        int w = 600;
        int h = 160;
        int pad = 30;
        long min = pts.stream().mapToLong(SizePoint::bytes).min().orElse(0);
        long max = pts.stream().mapToLong(SizePoint::bytes).max().orElse(1);
        long lo = Math.max(0, min - (max - min) / 10);
        long span = Math.max(1, max - lo);
        long t0 = pts.get(0).at().getEpochSecond();
        long tspan = Math.max(1, pts.get(pts.size() - 1).at().getEpochSecond() - t0);
        StringBuilder path = new StringBuilder();
        for (SizePoint p : pts) {
            double x = pad + (w - 2.0 * pad) * (p.at().getEpochSecond() - t0) / tspan;
            double y = h - pad - (h - 2.0 * pad) * (p.bytes() - lo) / span;
            path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
        }
        return "<svg viewBox=\"0 0 " + w + " " + h + "\" width=\"" + w + "\" height=\"" + h + "\" role=\"img\" aria-label=\""
                + esc(r.t("backups.size.label", r.fmt().bytes(pts.get(0).bytes()), r.fmt().bytes(pts.get(pts.size() - 1).bytes())))
                + "\"><line x1=\"" + pad + "\" y1=\"" + (h - pad) + "\" x2=\"" + (w - pad) + "\" y2=\"" + (h - pad)
                + "\" stroke=\"#888\"/><line x1=\"" + pad + "\" y1=\"" + pad + "\" x2=\"" + pad + "\" y2=\"" + (h - pad)
                + "\" stroke=\"#888\"/><path d=\"" + path + "\" fill=\"none\" stroke=\"#1f6feb\" stroke-width=\"2\"/>"
                + "<text x=\"" + (pad + 4) + "\" y=\"" + (pad - 8) + "\" font-size=\"12\" fill=\"#333\">"
                + esc(r.fmt().bytes(max)) + "</text><text x=\"" + (pad + 4) + "\" y=\"" + (h - pad - 4)
                + "\" font-size=\"12\" fill=\"#333\">" + esc(r.fmt().bytes(lo)) + "</text><text x=\"" + pad + "\" y=\""
                + (h - 8) + "\" font-size=\"12\" fill=\"#333\">" + esc(r.fmt().date(pts.get(0).at())) + "</text><text x=\""
                + (w - pad) + "\" y=\"" + (h - 8) + "\" font-size=\"12\" fill=\"#333\" text-anchor=\"end\">"
                + esc(r.fmt().date(pts.get(pts.size() - 1).at())) + "</text></svg>";
    }

    static String proofs(Req r, String title, List<Proof> list, String id) {
        StringBuilder sb = new StringBuilder();
        sb.append("<section class=\"proof\" id=\"").append(id).append("\"><h3>").append(esc(title)).append("</h3>");
        if (list.isEmpty()) {
            sb.append("<p class=\"alert orange\">").append(r.et("backups.none-yet")).append("</p></section>");
            return sb.toString();
        }
        Proof p = list.get(0);
        String light = p.ok() ? "green" : "red";
        sb.append("<p>").append(Layout.light(light, r.t("light." + light))).append(esc(r.fmt().dateTime(p.at())))
                .append(" – ").append(esc(p.medium())).append(" – ").append(esc(p.summary())).append("</p>");
        if (!p.details().isEmpty()) {
            sb.append("<details><summary>").append(r.et("backups.proof")).append("</summary><ul class=\"facts\">");
            p.details().forEach(d -> sb.append("<li><code>").append(esc(d)).append("</code></li>"));
            sb.append("</ul></details>");
        }
        if (list.size() > 1) {
            sb.append("<ul class=\"history\">");
            for (Proof q : list.subList(1, Math.min(list.size(), 10))) {
                sb.append("<li>").append(esc(r.fmt().dateTime(q.at()))).append(" – ").append(esc(q.medium()))
                        .append(" – ").append(esc(q.ok() ? r.t("ok") : r.t("failed"))).append(" – ")
                        .append(esc(q.summary())).append("</li>");
            }
            sb.append("</ul>");
        }
        return sb.append("</section>").toString();
    }
}
