package org.hygie.web.pages;

import static org.hygie.web.html.Html.esc;

import org.hygie.web.html.I18n;
import org.hygie.web.html.Layout;

/** The sign-in page: how to get a link, and the practice password form when one is configured. */
public final class LoginPage {
    private LoginPage() {
    }

    public static String render(I18n t, boolean passwordForm, String errorKey) {
        StringBuilder sb = new StringBuilder();
        sb.append("<section class=\"login\"><h1>").append(esc(t.t("login.title"))).append("</h1>");
        if (errorKey != null) {
            sb.append("<p class=\"alert red\" role=\"alert\">").append(esc(t.t(errorKey))).append("</p>");
        }
        sb.append("<p>").append(esc(t.t("login.how"))).append("</p>");
        if (passwordForm) {
            sb.append("<form method=\"post\" action=\"/login\" class=\"stack\"><label for=\"password\">")
                    .append(esc(t.t("login.password"))).append("</label>")
                    .append("<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" required>")
                    .append("<button type=\"submit\">").append(esc(t.t("login.submit"))).append("</button></form>");
        }
        String other = "en".equals(t.lang()) ? "fr" : "en";
        sb.append("<p class=\"muted\" lang=\"").append(other).append("\">").append(esc(I18n.of(other).t("login.how")))
                .append("</p></section>");
        return Layout.bare(t, t.t("login.title"), sb.toString());
    }
}
