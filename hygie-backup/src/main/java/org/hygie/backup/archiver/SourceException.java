package org.hygie.backup.archiver;

/** A backup target that cannot be backed up at all (missing, unreadable): nothing is written. */
public final class SourceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String path;

    public SourceException(String path, String message, Throwable cause) {
        super(message, cause);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
