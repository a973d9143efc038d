package org.hygie.web.auth;

import java.time.Instant;

/** A signed-in browser: its CSRF token and its language. */
public final class Session {
    private final String id;
    private final String csrf;
    private final Instant created;
    private volatile Instant lastSeen;
    private volatile String lang;

    Session(String id, String lang, Instant now) {
        this.id = id;
        this.csrf = Secrets.token();
        this.created = now;
        this.lastSeen = now;
        this.lang = lang;
    }

    String id() {
        return id;
    }

    /** The token every form of this session carries, and every POST must give back. */
    public String csrf() {
        return csrf;
    }

    public Instant created() {
        return created;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    void seen(Instant t) {
        lastSeen = t;
    }

    public String lang() {
        return lang;
    }

    public void lang(String l) {
        lang = "en".equals(l) ? "en" : "fr";
    }
}
