package org.hygie.practice.journal;

/** The journal could not be opened, read or written. */
public final class JournalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean nativeCodeMissing;

    public JournalException(String message, Throwable cause) {
        this(message, cause, false);
    }

    JournalException(String message, Throwable cause, boolean nativeCodeMissing) {
        super(message, cause);
        this.nativeCodeMissing = nativeCodeMissing;
    }

    /**
     * Whether SQLite's native code could not be loaded (sqlite-jdbc copies it into the temporary folder, which fails
     * where that folder is mounted noexec): a part of the program, not the journal's file, is what is missing.
     */
    public boolean nativeCodeMissing() {
        return nativeCodeMissing;
    }
}
