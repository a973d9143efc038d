package org.hygie.practice.media;

import org.hygie.practice.config.CredentialsFile;
import org.hygie.practice.config.Medium;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.Locations;

/**
 * Opens a medium's storage: its location with its backend options and the secrets of its credentials file, so
 * that a duty started by a scheduler, without any variable in its environment, still logs in to an offsite store.
 * Tests hand in their own (a backend that counts or fails).
 */
@FunctionalInterface
public interface MediumOpener {

    /**
     * The storage of {@code medium}, not yet a repository; a {@link org.hygie.repository.error.RepositoryException}
     * or an {@link IllegalArgumentException} when it cannot be reached, a {@link CredentialsFile.Refused} when its
     * credentials file cannot be used.
     */
    Backend open(Medium medium);

    /** The product's: {@link Locations#open(String, java.util.Map, org.hygie.repository.backend.BackendSecrets)}. */
    MediumOpener LIVE = m -> Locations.open(m.repo(), m.options(), CredentialsFile.secrets(m));
}
