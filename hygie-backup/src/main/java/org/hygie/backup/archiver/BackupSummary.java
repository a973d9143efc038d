package org.hygie.backup.archiver;

import java.util.List;
import org.hygie.repository.id.Id;

/** What a backup did, with restic's summary fields, and the entries it could not save. */
public record BackupSummary(Id snapshot, Id parent, long filesNew, long filesChanged, long filesUnmodified,
        long dirsNew, long dirsChanged, long dirsUnmodified, long dataBlobs, long treeBlobs, long dataAdded,
        long dataAddedPacked, long totalFiles, long totalBytes, long millis, List<Warning> warnings) {

    /** An entry skipped or read while changing, with the reason. */
    public record Warning(String path, String message) {
    }

    public boolean complete() {
        return warnings.isEmpty();
    }
}
