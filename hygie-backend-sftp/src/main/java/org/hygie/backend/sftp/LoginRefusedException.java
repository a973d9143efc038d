package org.hygie.backend.sftp;

import org.hygie.repository.backend.RefusalException;

/**
 * The SSH server refused the login (wrong key or password): retrying cannot help. The message says what was tried,
 * in English; {@link #user()} and {@link #location()} let a face say it in the user's language.
 */
public final class LoginRefusedException extends RefusalException {
    private static final long serialVersionUID = 1L;

    private final String user;
    private final String location;
    private final String tried;

    LoginRefusedException(String user, String location, String tried, Throwable cause) {
        super("the SSH server of " + location + " refused the login of " + user + " (tried: " + tried + ")", cause);
        this.user = user;
        this.location = location;
        this.tried = tried;
    }

    /** The user name that was refused. */
    public String user() {
        return user;
    }

    /** The repository location whose server refused, as restic writes it ({@code sftp:user@host:/path}). */
    public String location() {
        return location;
    }

    /** What was offered, in English: the key files, whether a password was given, the keys left out and why. */
    public String tried() {
        return tried;
    }
}
