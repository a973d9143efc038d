package org.hygie.web.html;

import static org.hygie.web.html.Html.esc;

/** The frame of every page: head, menu, language switch, sign-out, footer. */
public final class Layout {
    /** Menu entries: path and text key. */
    private static final String[][] MENU = {
        {"/", "menu.home"}, {"/backups", "menu.backups"}, {"/restore", "menu.restore"}, {"/audit", "menu.audit"},
        {"/gdpr", "menu.gdpr"}, {"/actions", "menu.actions"}};

    private Layout() {
    }

    /**
     * A whole page.
     *
     * @param withActions whether the Actions entry is shown (only when the practice layer can run them)
     */
    public static String page(Req r, String title, String body, boolean withActions) {
        StringBuilder sb = new StringBuilder(body.length() + 2048);
        sb.append("<!DOCTYPE html>\n<html lang=\"").append(esc(r.lang())).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append(" – Hygie</title>")
                .append("<link rel=\"stylesheet\" href=\"/static/hygie.css\">")
                .append("<script src=\"/static/hygie.js\" defer></script></head><body>");
        sb.append("<header class=\"top\"><a class=\"brand\" href=\"/\">Hygie</a><nav aria-label=\"")
                .append(r.et("menu.label")).append("\"><ul>");
        for (String[] m : MENU) {
            if (m[0].equals("/actions") && !withActions) {
                continue;
            }
            boolean current = m[0].equals("/") ? r.path().equals("/") : r.path().startsWith(m[0]);
            sb.append("<li><a href=\"").append(m[0]).append('"').append(current ? " aria-current=\"page\"" : "")
                    .append('>').append(r.et(m[1])).append("</a></li>");
        }
        sb.append("</ul></nav><div class=\"tools\">");
        String other = r.lang().equals("en") ? "fr" : "en";
        sb.append("<form method=\"post\" action=\"/lang\" class=\"inline\">").append(r.csrfField())
                .append("<input type=\"hidden\" name=\"back\" value=\"").append(esc(r.path())).append("\">")
                .append("<button type=\"submit\" name=\"lang\" value=\"").append(other).append("\" lang=\"").append(other)
                .append("\">").append(r.et("lang.switch")).append("</button></form>");
        sb.append("<form method=\"post\" action=\"/logout\" class=\"inline\">").append(r.csrfField())
                .append("<button type=\"submit\">").append(r.et("logout")).append("</button></form>");
        sb.append("</div></header><main id=\"main\">");
        sb.append(body);
        sb.append("</main><footer>").append(r.et("footer", r.fmt().dateTime(r.now()))).append("</footer></body></html>");
        return sb.toString();
    }

    /** A page outside the signed-in area (login, errors before sign-in). */
    public static String bare(I18n i18n, String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"" + esc(i18n.lang()) + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + " – Hygie</title><link rel=\"stylesheet\" href=\"/static/hygie.css\"></head>"
                + "<body class=\"bare\"><main id=\"main\">" + body + "</main></body></html>";
    }

    /** A coloured dot with its meaning in words (colour is never the only sign). */
    public static String light(String colour, String words) {
        return "<span class=\"light " + esc(colour) + "\" role=\"img\" aria-label=\"" + esc(words) + "\" title=\""
                + esc(words) + "\"></span>";
    }
}
