package org.hygie.cli;

/** An error the command line explains to the user with a translated message (a bundle key) and an exit code. */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient Object[] args;
    private final int exitCode;

    public UserError(int exitCode, String key, Object... args) {
        super(key);
        this.key = key;
        this.args = args;
        this.exitCode = exitCode;
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args;
    }

    public int exitCode() {
        return exitCode;
    }
}
