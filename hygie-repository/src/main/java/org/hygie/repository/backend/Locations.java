package org.hygie.repository.backend;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
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
        return open(location, options, BackendSecrets.NONE);
    }

    /**
     * Opens {@code location} with backend {@code options} and credentials handed in by a program
     * ({@link BackendSecrets}, which win over the process environment). Options that would carry a secret are
     * refused ({@link BackendSecrets#isSecretOption}); a folder takes no credentials. A malformed address is an
     * {@link IllegalArgumentException} (as {@link #checkLocation}), a storage out of reach a {@link RepositoryException}.
     */
    public static Backend open(String location, Map<String, String> options, BackendSecrets secrets) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("empty repository location");
        }
        BackendSecrets.refuseSecretOptions(options);
        String scheme = scheme(location);
        if (scheme == null || scheme.equals("local")) {
            if (!secrets.isEmpty()) {
                throw new IllegalArgumentException("a folder takes no credentials " + secrets.names());
            }
            String path = location.startsWith("local:") ? location.substring("local:".length()) : location;
            return new LocalBackend(Path.of(path));
        }
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
            if (p.scheme().equals(scheme)) {
                p.checkLocation(location); // a malformed address is a mistake to correct, not a storage out of reach
                try {
                    return new RetryingBackend(p.open(location, options, secrets), RetryingBackend.Policy.DEFAULT);
                } catch (IOException e) {
                    throw new RepositoryException(Problem.IO, redact(location), "cannot reach " + redact(location)
                            + ": " + e.getMessage(), e);
                }
            }
        }
        throw new RepositoryException(Problem.NO_REPOSITORY, redact(location),
                "repository locations of type " + scheme + ": are not supported by this build");
    }

    /**
     * The option names the storage of {@code scheme} takes, or empty when no backend of this build serves it (the
     * names cannot be checked then).
     */
    public static Optional<Set<String>> optionNames(String scheme) {
        return provider(scheme).map(BackendProvider::optionNames);
    }

    /**
     * Checks backend options for {@code location} without opening it, as {@link #open} would check them: an
     * {@link IllegalArgumentException} names the option and what it expects. Nothing is checked for a storage
     * this build does not serve.
     */
    public static void checkOptions(String location, Map<String, String> options) {
        BackendSecrets.refuseSecretOptions(options);
        String scheme = scheme(location);
        if (scheme != null) {
            provider(scheme).ifPresent(p -> p.checkOptions(options));
        }
    }

    /**
     * Checks the form of {@code location} without opening it, as {@link #open} would find it: an
     * {@link IllegalArgumentException} says what is wrong (a mistake to correct, not a storage out of reach).
     * Nothing is checked for a folder or a storage this build does not serve.
     */
    public static void checkLocation(String location) {
        String scheme = scheme(location);
        if (scheme != null) {
            provider(scheme).ifPresent(p -> p.checkLocation(location));
        }
    }

    /**
     * The port of a location's {@code uri}, -1 when it names none; a port no connection can use (0, above 65535) is
     * an {@link IllegalArgumentException} naming it, for every storage's address parser alike.
     */
    public static int port(URI uri, String location) {
        int port = uri.getPort();
        if (port == 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " out of range (1 to 65535) in " + redact(location));
        }
        return port;
    }

    private static Optional<BackendProvider> provider(String scheme) {
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
            if (p.scheme().equals(scheme)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The scheme of a location, or null for a plain path (a Windows drive letter is a path, not a scheme). */
    public static String scheme(String location) {
        int colon = location.indexOf(':');
        if (colon <= 1) {
            return null;
        }
        String s = location.substring(0, colon);
        return s.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) ? s : null;
    }

    /**
     * The location with any {@code user:password@} password replaced, for messages and logs; a password holding a
     * {@code /} (which a URL should have encoded) is masked too, up to the {@code @}.
     */
    public static String redact(String location) {
        return location.replaceAll("(//[^/:@]+):[^@]*@", "$1:***@");
    }
}
