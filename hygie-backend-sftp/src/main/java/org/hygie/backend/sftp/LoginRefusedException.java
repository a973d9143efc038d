package org.hygie.backend.sftp;

import java.io.IOException;

/** The SSH server refused the login (wrong key or password): retrying cannot help, the message says what was tried. */
public final class LoginRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    public LoginRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
