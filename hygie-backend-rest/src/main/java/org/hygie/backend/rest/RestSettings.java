package org.hygie.backend.rest;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.hygie.repository.backend.BackendOptions;

/**
 * Settings of a REST backend, from the backend options and the environment:
 * <ul>
 *   <li>{@code HYGIE_REST_USERNAME} / {@code HYGIE_REST_PASSWORD}: HTTP basic credentials when the location has none
 *       (keeps the password out of argv, where {@code --repo} would show it); a location that names the user but
 *       no password takes {@code HYGIE_REST_PASSWORD} (unless {@code HYGIE_REST_USERNAME} names someone else);</li>
 *   <li>{@code rest.connections}: requests at once (default 5, as restic);</li>
 *   <li>{@code rest.timeout}: seconds to wait for an answer, plus the time a slow link needs for the body (default
 *       60).</li>
 * </ul>
 */
public record RestSettings(String user, String password, int connections, Duration timeout) {
    public static final String CONNECTIONS = "rest.connections";
    public static final String TIMEOUT = "rest.timeout";
    /** The option names ({@code -o}) a REST server takes. */
    public static final Set<String> OPTIONS = Set.of(CONNECTIONS, TIMEOUT);

    public RestSettings {
        if (connections < 1 || connections > 64) {
            throw new IllegalArgumentException("rest.connections must be between 1 and 64, not " + connections);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("rest.timeout must be positive");
        }
    }

    public static RestSettings resolve(Map<String, String> options, Map<String, String> env) {
        String user = env.get("HYGIE_REST_USERNAME");
        String password = env.get("HYGIE_REST_PASSWORD");
        for (String k : options.keySet()) {
            if (k.startsWith("rest.") && !OPTIONS.contains(k)) {
                throw new IllegalArgumentException("unknown REST option " + k + " (known: " + String.join(", ",
                        new java.util.TreeSet<>(OPTIONS)) + ")");
            }
        }
        int connections = BackendOptions.wholeNumber(options, CONNECTIONS, 5);
        Duration timeout = Duration.ofSeconds(BackendOptions.wholeNumber(options, TIMEOUT, 60));
        return new RestSettings(user == null || user.isEmpty() ? null : user,
                password == null || password.isEmpty() ? null : password, connections, timeout);
    }

    @Override
    public String toString() {
        return "RestSettings[user=" + user + ", password=" + (password == null ? "none" : "***") + ", connections="
                + connections + ", timeout=" + timeout + "]";
    }
}
