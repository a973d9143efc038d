package org.hygie.audit.collect;

/**
 * The result of reading a file: its text, or why there is none.
 *
 * @param status whether it was read
 * @param text   the content when read, else empty
 */
public record FileRead(Status status, String text) {
    /** What happened on reading. */
    public enum Status { OK, MISSING, DENIED, ERROR }

    public static FileRead ok(String text) {
        return new FileRead(Status.OK, text);
    }

    public static FileRead of(Status status) {
        return new FileRead(status, "");
    }

    public boolean ok() {
        return status == Status.OK;
    }
}
