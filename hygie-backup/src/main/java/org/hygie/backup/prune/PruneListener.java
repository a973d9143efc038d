package org.hygie.backup.prune;

/**
 * What prune reports while it runs; the faces render it. Phases: {@code "snapshots"} (trees walked, per
 * snapshot), {@code "packs"} (packs sorted out), {@code "repack"} (packs rewritten), {@code "index"} (index
 * files written), {@code "delete"} (files deleted).
 */
public interface PruneListener {
    PruneListener NONE = new PruneListener() { };

    default void progress(String phase, long done, long total) {
    }
}
