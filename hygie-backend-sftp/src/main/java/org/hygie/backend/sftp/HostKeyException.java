package org.hygie.backend.sftp;

import java.io.IOException;

/** The SSH server's host key is unknown, changed or revoked: the connection was refused, the message says why. */
public final class HostKeyException extends IOException {
    private static final long serialVersionUID = 1L;

    public HostKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
