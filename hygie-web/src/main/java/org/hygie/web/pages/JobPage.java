package org.hygie.web.pages;

import static org.hygie.web.html.Html.esc;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Locale;
import org.hygie.web.Jobs;
import org.hygie.web.html.Layout;
import org.hygie.web.html.Req;

/** The progress of a background job; its script polls {@code /jobs/ID/state} and reloads when it ends. */
public final class JobPage {
    private JobPage() {
    }

    public static String render(Req r, Jobs.Job job, boolean actions) {
        if (job == null) {
            throw new IllegalArgumentException(r.t("job.unknown"));
        }
        StringBuilder sb = new StringBuilder("<h1>").append(esc(job.title())).append("</h1>");
        sb.append("<div id=\"job\" data-job=\"").append(esc(job.id())).append("\" data-done=\"").append(job.done())
                .append("\">");
        if (!job.done()) {
            sb.append("<progress id=\"job-progress\" max=\"1\" value=\"")
                    .append(String.format(Locale.ROOT, "%.3f", job.fraction())).append("\"></progress>")
                    .append("<p id=\"job-status\" aria-live=\"polite\">")
                    .append(esc(job.status().isEmpty() ? r.t("job.running") : job.status())).append("</p>");
        } else {
            String c = job.ok() ? "green" : "red";
            sb.append("<p id=\"job-result\" class=\"alert ").append(c).append("\">")
                    .append(Layout.light(c, r.t("light." + c))).append(esc(job.status())).append("</p>");
            if (!job.lines().isEmpty()) {
                sb.append("<ul class=\"job-lines\">");
                job.lines().forEach(l -> sb.append("<li>").append(esc(l)).append("</li>"));
                sb.append("</ul>");
            }
            sb.append("<p><a href=\"").append(esc(job.back())).append("\">").append(r.et("job.back")).append("</a></p>");
        }
        sb.append("</div>");
        return Layout.page(r, job.title(), sb.toString(), actions);
    }

    /** JSON for the polling script: {@code {"done":false,"ok":false,"fraction":0.42,"status":"..."}}. */
    public static void state(Context ctx, Jobs.Job job) {
        if (job == null) {
            ctx.status(HttpStatus.NOT_FOUND).contentType("application/json").result("{\"error\":\"unknown job\"}");
            return;
        }
        ctx.contentType("application/json; charset=utf-8").result("{\"done\":" + job.done() + ",\"ok\":" + job.ok()
                + ",\"fraction\":" + String.format(Locale.ROOT, "%.3f", job.fraction()) + ",\"status\":"
                + jsonString(job.status()) + "}");
    }

    static String jsonString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '<' -> sb.append("\\u003c");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
