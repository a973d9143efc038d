package org.hygie.practice.notify;

/** A mail could not be sent. */
public final class NotifyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotifyException(String message) {
        super(message);
    }

    public NotifyException(String message, Throwable cause) {
        super(message, cause);
    }
}
