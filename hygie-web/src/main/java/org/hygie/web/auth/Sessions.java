package org.hygie.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions of the dashboard, in memory only (a restart signs everybody out). A session ends after
 * {@code idle} without a request, or {@code maxAge} after it began.
 */
public final class Sessions {
    public static final String COOKIE = "hygie_session";
    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Duration maxAge;
    private final Clock clock;

    public Sessions(Duration idle, Duration maxAge, Clock clock) {
        this.idle = idle;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public Session open(String lang) {
        Session s = new Session(Secrets.token(), lang, clock.instant());
        byId.put(s.id(), s);
        return s;
    }

    /** The live session of this cookie value, refreshed; empty when unknown or expired. */
    public Optional<Session> find(String cookie) {
        if (cookie == null) {
            return Optional.empty();
        }
        Session s = byId.get(cookie);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (now.isAfter(s.lastSeen().plus(idle)) || now.isAfter(s.created().plus(maxAge))) {
            byId.remove(cookie);
            return Optional.empty();
        }
        s.seen(now);
        return Optional.of(s);
    }

    public void close(Session s) {
        byId.remove(s.id());
    }

    /** The cookie value of a session. */
    public String cookieValue(Session s) {
        return s.id();
    }

    public Duration maxAge() {
        return maxAge;
    }
}
