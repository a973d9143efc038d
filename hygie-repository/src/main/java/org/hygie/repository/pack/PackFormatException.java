package org.hygie.repository.pack;

/** A pack whose header is not what restic's format allows. */
public final class PackFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public PackFormatException(String message) {
        super(message);
    }
}
