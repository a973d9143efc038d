package org.hygie.repository.backend;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Credentials for one backend handed in by a program (the practice reads them from a private file beside its
 * configuration), under the names of the environment variables the backends read: they win over the process
 * environment, so that a duty started by a scheduler, with no such variables, still logs in. Never in argv, never
 * in an option: {@link #isSecretOption} is what {@code -o} and the practice's {@code options:} refuse.
 *
 * <table>
 *   <caption>Names, by storage</caption>
 *   <tr><th>storage</th><th>names</th></tr>
 *   <tr><td>{@code s3:}</td><td>{@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN},
 *       {@code AWS_DEFAULT_REGION}</td></tr>
 *   <tr><td>{@code sftp:}</td><td>{@code HYGIE_SFTP_PASSWORD}, {@code HYGIE_SFTP_KEY} (a key file),
 *       {@code HYGIE_SFTP_KEY_PASSPHRASE}</td></tr>
 *   <tr><td>{@code rest:}</td><td>{@code HYGIE_REST_USERNAME}, {@code HYGIE_REST_PASSWORD}</td></tr>
 * </table>
 * {@link #toString()} shows the names only: a value is never printed.
 */
public final class BackendSecrets {
    public static final BackendSecrets NONE = new BackendSecrets(Map.of());

    private static final Map<String, List<String>> BY_SCHEME = Map.of(
            "s3", List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_DEFAULT_REGION"),
            "sftp", List.of("HYGIE_SFTP_PASSWORD", "HYGIE_SFTP_KEY", "HYGIE_SFTP_KEY_PASSPHRASE"),
            "rest", List.of("HYGIE_REST_USERNAME", "HYGIE_REST_PASSWORD"));
    /** Words that make an option name a secret's: its value would sit in argv or in a readable file. */
    private static final List<String> SECRET_WORDS = List.of("secret", "password", "passphrase", "token",
            "access-key", "access_key", "accesskey", "credential", "passwd");

    private final Map<String, String> values;

    private BackendSecrets(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * These values; every name must be one of {@link #allNames()} and every value non-empty, else an
     * {@link IllegalArgumentException} that names the name (never the value).
     */
    public static BackendSecrets of(Map<String, String> values) {
        Set<String> known = allNames();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!known.contains(e.getKey())) {
                throw new IllegalArgumentException("unknown credential name " + e.getKey() + " (known: "
                        + String.join(", ", new TreeSet<>(known)) + ")");
            }
            if (e.getValue() == null || e.getValue().isEmpty()) {
                throw new IllegalArgumentException("the credential " + e.getKey() + " is empty");
            }
        }
        return values.isEmpty() ? NONE : new BackendSecrets(values);
    }

    /** The names a storage of {@code scheme} reads ({@code s3}, {@code sftp}, {@code rest}); empty for others. */
    public static List<String> names(String scheme) {
        return BY_SCHEME.getOrDefault(scheme, List.of());
    }

    /** Every known name, whatever the storage. */
    public static Set<String> allNames() {
        Set<String> all = new TreeSet<>();
        BY_SCHEME.values().forEach(all::addAll);
        return all;
    }

    /** The storage whose names include {@code name}, or null. */
    public static String schemeOf(String name) {
        for (Map.Entry<String, List<String>> e : BY_SCHEME.entrySet()) {
            if (e.getValue().contains(name)) {
                return e.getKey();
            }
        }
        return null;
    }

    /**
     * True when a backend option named {@code key} would carry a secret: one of the credential names, or a name
     * speaking of a secret, a password, a passphrase, a token, an access key or credentials. Such values go in the
     * environment or a private credentials file, never in {@code -o} (argv) nor in a configuration file.
     */
    public static boolean isSecretOption(String key) {
        String k = key.strip();
        if (allNames().contains(k.toUpperCase(Locale.ROOT))) {
            return true;
        }
        String lower = k.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(lower::contains);
    }

    /** Refuses options that carry secrets ({@link #isSecretOption}), naming the option, not its value. */
    public static void refuseSecretOptions(Map<String, String> options) {
        for (String k : options.keySet()) {
            if (isSecretOption(k)) {
                throw new IllegalArgumentException("the option " + k + " would carry a secret: give it in the "
                        + "environment or in a private credentials file, never as an option");
            }
        }
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public Set<String> names() {
        return values.keySet();
    }

    /** The value of {@code name}, or null. */
    public String get(String name) {
        return values.get(name);
    }

    /** A copy of {@code env} with these values put over it: they win. */
    public Map<String, String> over(Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>(env);
        out.putAll(values);
        return out;
    }

    /** The names only, never a value. */
    @Override
    public String toString() {
        return "BackendSecrets" + new TreeSet<>(values.keySet());
    }
}
