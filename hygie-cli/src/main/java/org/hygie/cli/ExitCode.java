package org.hygie.cli;

import org.hygie.repository.error.Problem;

/**
 * The exit codes of every hygie command, close to restic's so that scripts written for restic read them alike.
 * Documented in the README.
 */
public final class ExitCode {
    public static final int OK = 0;
    /** The command failed (or, for check, the repository has errors). */
    public static final int FAILED = 1;
    /** Wrong arguments. */
    public static final int USAGE = 2;
    /** Done, with warnings: some files could not be read or restored. */
    public static final int PARTIAL = 3;
    public static final int NO_REPOSITORY = 10;
    public static final int LOCKED = 11;
    public static final int WRONG_PASSWORD = 12;
    /**
     * The server refused us and retrying will not help: its SSH host key is not on record (unknown, changed,
     * revoked), or it refused the login, or the credentials, or (forget, prune) it is append-only and refuses every
     * deletion, as it was set up to. A person must check the fingerprint, the user, the key or the password, or
     * forget on the server itself.
     */
    public static final int ACCESS_REFUSED = 13;
    public static final int INTERRUPTED = 130;

    private ExitCode() {
    }

    public static int of(Problem problem) {
        return switch (problem) {
            case NO_REPOSITORY -> NO_REPOSITORY;
            case LOCKED -> LOCKED;
            case WRONG_PASSWORD -> WRONG_PASSWORD;
            case APPEND_ONLY -> ACCESS_REFUSED;
            default -> FAILED;
        };
    }
}
