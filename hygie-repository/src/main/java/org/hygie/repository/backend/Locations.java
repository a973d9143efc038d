package org.hygie.repository.backend;

import java.nio.file.Path;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;

/** Turns a repository location as users write it (restic's syntax) into a backend. */
public final class Locations {
    private Locations() {
    }

    public static Backend open(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("empty repository location");
        }
        for (String scheme : new String[] {"sftp:", "s3:", "rest:", "b2:", "azure:", "gs:", "swift:", "rclone:"}) {
            if (location.startsWith(scheme)) {
                throw new RepositoryException(Problem.NO_REPOSITORY, location,
                        "repository locations of type " + scheme + " are not supported yet; use a folder");
            }
        }
        String path = location.startsWith("local:") ? location.substring("local:".length()) : location;
        return new LocalBackend(Path.of(path));
    }
}
