package org.hygie.repository.tree;

/**
 * A tree blob that restic 0.14 could not load either: not JSON, a field of the wrong type or range, a name that
 * is not valid Go string syntax, a bad id or time. The message says which node and field.
 */
public final class TreeFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TreeFormatException(String message) {
        super(message);
    }

    public TreeFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
