package org.hygie.backup.restore;

import java.util.List;

/** What a restore did: counts, bytes written, and each entry it could not restore. */
public record RestoreResult(long files, long dirs, long symlinks, long hardlinks, long specials, long bytes,
        List<Problem> problems, long millis) {

    /** An entry not restored, with the reason. */
    public record Problem(String path, String message) {
    }

    public boolean complete() {
        return problems.isEmpty();
    }
}
