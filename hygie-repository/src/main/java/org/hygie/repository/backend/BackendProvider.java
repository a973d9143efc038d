package org.hygie.repository.backend;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * A kind of storage reachable by a location prefix ({@code sftp:}, {@code s3:}, {@code rest:}), found with
 * {@link java.util.ServiceLoader}: each backend lives in its own module and registers itself in
 * {@code META-INF/services/org.hygie.repository.backend.BackendProvider}, so the repository layer needs none of
 * their libraries.
 */
public interface BackendProvider {

    /** The location prefix without the colon, e.g. {@code "sftp"}. */
    String scheme();

    /**
     * Opens the storage at {@code location} (the whole string as the user wrote it, prefix included).
     * {@code options} carries settings that do not fit in a location (key files, known hosts, region);
     * credentials come from the environment as restic reads them, never from the location in logs.
     */
    Backend open(String location, Map<String, String> options) throws IOException;

    /**
     * Opens the storage with credentials handed in by a program ({@link BackendSecrets}: the environment
     * variables' names), which win over the process environment. A storage that reads no credentials refuses
     * them rather than ignore them.
     */
    default Backend open(String location, Map<String, String> options, BackendSecrets secrets) throws IOException {
        if (!secrets.isEmpty()) {
            throw new IOException("the " + scheme() + ": storage takes no credentials " + secrets.names());
        }
        return open(location, options);
    }

    /** The option names this storage takes (restic's {@code -o} names, e.g. {@code s3.region}). */
    default Set<String> optionNames() {
        return Set.of();
    }

    /**
     * Checks option values without opening anything: an {@link IllegalArgumentException} names the option and
     * what it expects. Options of other storages are ignored, as {@link #open} ignores them.
     */
    default void checkOptions(Map<String, String> options) {
    }

    /**
     * Checks the form of a location of this storage without opening anything (an S3 bucket name S3 refuses, an
     * SFTP address without a path): an {@link IllegalArgumentException} says what is wrong.
     */
    default void checkLocation(String location) {
    }
}
