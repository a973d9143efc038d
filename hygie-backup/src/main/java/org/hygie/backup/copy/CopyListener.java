package org.hygie.backup.copy;

import org.hygie.repository.id.Id;

/** What a copy reports while it runs; the faces render it. */
public interface CopyListener {
    CopyListener NONE = new CopyListener() { };

    /** Snapshot {@code done} of {@code total} starts copying. */
    default void started(Id source, int done, int total) {
    }

    /** Packs of the source read for the current snapshot. */
    default void packs(long done, long total) {
    }

    /** A snapshot was already in the destination, as {@code existing}. */
    default void skipped(Id source, Id existing) {
    }

    /** A snapshot was copied and saved as {@code copy}. */
    default void copied(Id source, Id copy) {
    }
}
