package org.hygie.repository.backend;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;

/**
 * Turns a repository location as users write it (restic's syntax) into a backend: a folder, or
 * {@code scheme:rest} served by a {@link BackendProvider}. Remote backends come wrapped in {@link RetryingBackend}.
 */
public final class Locations {
    private Locations() {
    }

    public static Backend open(String location) {
        return open(location, Map.of());
    }

    public static Backend open(String location, Map<String, String> options) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("empty repository location");
        }
        String scheme = scheme(location);
        if (scheme == null || scheme.equals("local")) {
            String path = location.startsWith("local:") ? location.substring("local:".length()) : location;
            return new LocalBackend(Path.of(path));
        }
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
            if (p.scheme().equals(scheme)) {
                try {
                    return new RetryingBackend(p.open(location, options), RetryingBackend.Policy.DEFAULT);
                } catch (IOException e) {
                    throw new RepositoryException(Problem.IO, redact(location), "cannot reach " + redact(location)
                            + ": " + e.getMessage(), e);
                }
            }
        }
        throw new RepositoryException(Problem.NO_REPOSITORY, redact(location),
                "repository locations of type " + scheme + ": are not supported by this build");
    }

    /** The scheme of a location, or null for a plain path (a Windows drive letter is a path, not a scheme). */
    static String scheme(String location) {
        int colon = location.indexOf(':');
        if (colon <= 1) {
            return null;
        }
        String s = location.substring(0, colon);
        return s.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) ? s : null;
    }

    /** The location with any {@code user:password@} password replaced, for messages and logs. */
    public static String redact(String location) {
        return location.replaceAll("(//[^/:@]+):[^@/]*@", "$1:***@");
    }
}
