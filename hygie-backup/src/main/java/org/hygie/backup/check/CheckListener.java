package org.hygie.backup.check;

/** What a check reports while it runs; the faces render it. Both methods may be called from several threads. */
public interface CheckListener {
    CheckListener NONE = new CheckListener() { };

    /** A phase ("index", "packs", "snapshots", "trees", "data") progressed. */
    default void progress(String phase, long done, long total) {
    }

    /** A problem was found (its affected snapshots and paths fill in later). */
    default void found(Finding finding) {
    }
}
