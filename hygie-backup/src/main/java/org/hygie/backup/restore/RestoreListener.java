package org.hygie.backup.restore;

/** What a restore reports while it runs. Called from several threads. */
public interface RestoreListener {
    RestoreListener NONE = new RestoreListener() { };

    /** Totals are known once the trees have been read. */
    default void planned(long files, long bytes) {
    }

    default void progress(long filesDone, long bytesDone) {
    }

    /** An entry could not be restored; the restore goes on. */
    default void problem(RestoreResult.Problem problem) {
    }
}
