package org.hygie.repository.backend;

import java.io.IOException;
import java.util.Map;

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
}
