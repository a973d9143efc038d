package org.hygie.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-time login tokens: each is valid for a short time and works once. {@code hygie serve} prints a link
 * carrying one; the login handler trades it for a session cookie and redirects to a URL without it.
 */
public final class LoginTokens {
    private final Map<String, Instant> valid = new ConcurrentHashMap<>();
    private final Duration lifetime;
    private final Clock clock;

    public LoginTokens(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** A new token, valid for {@link #lifetime()}. */
    public String issue() {
        String t = Secrets.token();
        valid.put(t, clock.instant().plus(lifetime));
        return t;
    }

    /** True once for a token issued here and not expired; the token is spent either way. */
    public boolean redeem(String token) {
        purge();
        if (token == null || token.length() != 43) {
            return false;
        }
        Instant until = valid.remove(token);
        return until != null && clock.instant().isBefore(until);
    }

    private void purge() {
        Instant now = clock.instant();
        for (Iterator<Map.Entry<String, Instant>> it = valid.entrySet().iterator(); it.hasNext();) {
            if (!now.isBefore(it.next().getValue())) {
                it.remove();
            }
        }
    }
}
