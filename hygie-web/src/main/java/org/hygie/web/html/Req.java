package org.hygie.web.html;

import java.time.Instant;

/**
 * What a page renderer needs from the request: the words, the formats, the session's CSRF token (for forms)
 * and the current path (for the menu).
 */
public record Req(I18n i18n, Fmt fmt, String csrf, String path, Instant now) {
    public String t(String key, Object... args) {
        return i18n.t(key, args);
    }

    /** {@link #t} escaped for HTML. */
    public String et(String key, Object... args) {
        return Html.esc(i18n.t(key, args));
    }

    /** The hidden field every form carries. */
    public String csrfField() {
        return "<input type=\"hidden\" name=\"_csrf\" value=\"" + Html.esc(csrf) + "\">";
    }

    public String lang() {
        return i18n.lang();
    }
}
