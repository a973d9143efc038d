package org.hygie.repository.backend;

import java.io.IOException;

/**
 * A connection to a remote backend was refused for a reason that retrying cannot change: the server is not the one
 * on record (its host key is unknown, changed or revoked), or it refused the login. {@link RetryingBackend} does
 * not retry it, not even when it comes from a connection rebuilt in the middle of the work; the backend that meets
 * it says which one it is (a subclass, with the parts a face needs).
 */
public class RefusalException extends IOException {
    private static final long serialVersionUID = 1L;

    protected RefusalException(String message, Throwable cause) {
        super(message, cause);
    }
}
