package org.hygie.practice.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A backup medium: its own restic repository, recognised by its repository id wherever it is mounted.
 *
 * @param name        short name ({@code disque-A})
 * @param repo        repository location, as restic writes it (a folder, {@code sftp:}, {@code s3:}, {@code rest:})
 * @param rotation    how long it stays in place before being swapped with another, null for an always-on medium
 * @param offsite     kept outside the practice (a cloud store, a NAS elsewhere)
 * @param id          the repository id recorded at set-up (64 hex digits), or null when not known yet
 * @param keptAt      where it is kept when it is not plugged in (for the recovery kit), or null
 * @param options     backend options, restic's {@code -o} names ({@code s3.region}); never a secret
 * @param credentials the private file holding the store's secrets ({@link CredentialsFile}), or null: then they
 *                    come from the environment, as for restic
 * @param line        line of the configuration where it is declared
 */
public record Medium(String name, String repo, Span rotation, boolean offsite, String id, String keptAt,
        Map<String, String> options, Path credentials, int line) {
    public Medium {
        id = id == null ? null : id.toLowerCase(Locale.ROOT);
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(options));
    }

    /** A medium without options nor credentials file. */
    public Medium(String name, String repo, Span rotation, boolean offsite, String id, String keptAt, int line) {
        this(name, repo, rotation, offsite, id, keptAt, Map.of(), null, line);
    }

    /** Swapped with other media (an external disk, a USB key). */
    public boolean rotates() {
        return rotation != null;
    }

    /** A folder on this computer (a mounted disk or share), as opposed to a server. */
    public boolean local() {
        return scheme() == null;
    }

    /** The storage's scheme ({@code s3}, {@code sftp}, {@code rest}), or null for a folder. */
    public String scheme() {
        int colon = repo.indexOf(':');
        if (colon <= 1) {
            return null;
        }
        String scheme = repo.substring(0, colon);
        return scheme.equals("local") || !scheme.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                ? null : scheme;
    }

    public Medium withId(String newId) {
        return new Medium(name, repo, rotation, offsite, newId, keptAt, options, credentials, line);
    }

    public Medium withCredentials(Path file) {
        return new Medium(name, repo, rotation, offsite, id, keptAt, options, file, line);
    }
}
