package org.hygie.practice.setup;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.hygie.practice.config.Medium;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.config.Source;
import org.hygie.practice.text.Texts;
import org.hygie.repository.backend.Locations;

/**
 * The recovery kit: one printable HTML page to keep in the safe, saying where every backup is, how to recognise
 * each medium (its repository id), how to restore with Hygie or with plain restic, and a blank space where
 * the password is written by hand (it is never printed by the program: the page stays on the computer).
 */
public final class RecoveryKit {
    public static final String FILE_NAME = "kit-de-restauration.html";

    private RecoveryKit() {
    }

    public static String render(PracticeConfig config, Texts t, Instant when, ZoneId zone) {
        StringBuilder b = new StringBuilder();
        String date = DateTimeFormatter.ofPattern(t.get("format.date"), t.locale()).withZone(zone).format(when);
        b.append("<!DOCTYPE html>\n<html lang=\"").append(t.language()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(h(t.get("kit.title", config.practice()))).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:48em;margin:2em auto;color:#111;line-height:1.4}\n")
                .append("h1{font-size:1.5em;border-bottom:2px solid #111}h2{font-size:1.15em;margin-top:1.5em}\n")
                .append("table{border-collapse:collapse;width:100%}td,th{border:1px solid #444;padding:.3em;")
                .append("text-align:left;vertical-align:top}code,.id{font-family:monospace;word-break:break-all}\n")
                .append(".password{border:2px solid #111;height:3.5em;margin:.5em 0}\n")
                .append("@media print{body{margin:0}a{color:#111}}\n</style>\n</head>\n<body>\n");
        b.append("<h1>").append(h(t.get("kit.title", config.practice()))).append("</h1>\n");
        b.append("<p>").append(h(t.get("kit.intro", date))).append("</p>\n");
        b.append("<h2>").append(h(t.get("kit.password.title"))).append("</h2>\n");
        b.append("<p>").append(h(t.get("kit.password.text"))).append("</p>\n<div class=\"password\"></div>\n");
        b.append("<h2>").append(h(t.get("kit.media.title"))).append("</h2>\n<table>\n<tr><th>")
                .append(h(t.get("kit.media.name"))).append("</th><th>").append(h(t.get("kit.media.kind")))
                .append("</th><th>").append(h(t.get("kit.media.location"))).append("</th><th>")
                .append(h(t.get("kit.media.kept"))).append("</th><th>").append(h(t.get("kit.media.id")))
                .append("</th></tr>\n");
        for (Medium m : config.media()) {
            String kind = m.offsite() ? t.get("kit.kind.offsite") : m.rotates()
                    ? t.get("kit.kind.rotating", m.rotation().toString()) : t.get("kit.kind.fixed");
            b.append("<tr><td>").append(h(m.name())).append("</td><td>").append(h(kind)).append("</td><td><code>")
                    .append(h(Locations.redact(m.repo()))).append("</code></td><td>").append(h(m.keptAt() == null ? "" : m.keptAt()))
                    .append("</td><td class=\"id\">").append(h(m.id() == null ? t.get("kit.id.unknown") : m.id()))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n<p>").append(h(t.get("kit.media.note"))).append("</p>\n");
        for (Medium m : config.media()) {
            if (m.credentials() != null) {
                b.append("<p>").append(h(t.get("kit.credentials", m.name(), m.credentials().toString())))
                        .append("</p>\n");
            }
        }
        b.append("<h2>").append(h(t.get("kit.sources.title"))).append("</h2>\n<ul>\n");
        for (Source s : config.sources()) {
            b.append("<li><code>").append(h(s.path().toString())).append("</code></li>\n");
        }
        b.append("</ul>\n");
        String example = config.media().isEmpty() ? "/media/disque/hygie"
                : Locations.redact(config.media().get(0).repo());
        b.append("<h2>").append(h(t.get("kit.hygie.title"))).append("</h2>\n<ol>\n");
        b.append("<li>").append(h(t.get("kit.hygie.step1"))).append("</li>\n");
        b.append("<li>").append(h(t.get("kit.hygie.step2"))).append("<br><code>hygie snapshots --repo ")
                .append(h(quote(example))).append("</code></li>\n");
        b.append("<li>").append(h(t.get("kit.hygie.step3"))).append("<br><code>hygie restore latest --repo ")
                .append(h(quote(example))).append(" --target ").append(h(t.get("kit.target"))).append("</code></li>\n");
        b.append("</ol>\n");
        b.append("<h2>").append(h(t.get("kit.restic.title"))).append("</h2>\n<p>").append(h(t.get("kit.restic.text")))
                .append("</p>\n<ol>\n");
        b.append("<li><code>restic -r ").append(h(quote(example))).append(" cat config</code> — ")
                .append(h(t.get("kit.restic.id"))).append("</li>\n");
        b.append("<li><code>restic -r ").append(h(quote(example))).append(" snapshots</code></li>\n");
        b.append("<li><code>restic -r ").append(h(quote(example))).append(" restore latest --target ")
                .append(h(t.get("kit.target"))).append("</code></li>\n</ol>\n");
        b.append("<p>").append(h(t.get("kit.footer"))).append("</p>\n</body>\n</html>\n");
        return b.toString();
    }

    private static String quote(String location) {
        return location.matches("[A-Za-z0-9_./:@=+-]+") ? location : "\"" + location + "\"";
    }

    static String h(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
