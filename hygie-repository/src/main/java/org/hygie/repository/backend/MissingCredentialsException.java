package org.hygie.repository.backend;

/**
 * A store that needs credentials was given none that can be used (none set, half a key pair, a profile that does not
 * hold one): nothing was asked of the store. Retrying cannot change it; the message names what to set, never a
 * secret's value.
 */
public class MissingCredentialsException extends RefusalException {
    private static final long serialVersionUID = 1L;

    private final String location;

    public MissingCredentialsException(String location, String message, Throwable cause) {
        super(message, cause);
        this.location = location;
    }

    /** The repository's location, as the user wrote it. */
    public String location() {
        return location;
    }
}
