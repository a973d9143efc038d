package org.hygie.backup.archiver;

/** What a backup reports while it runs; the faces render it. Called from several threads. */
public interface BackupListener {
    BackupListener NONE = new BackupListener() { };

    /** The scanner's running totals of what the targets hold (for an estimate of the time left). */
    default void scanned(long files, long bytes, boolean complete) {
    }

    /** Bytes read from files (or taken unchanged from the parent snapshot). */
    default void processed(long files, long bytes) {
    }

    /** An entry could not be saved, or changed while being read; the backup goes on. */
    default void warning(String path, String message) {
    }
}
