package org.hygie.backup.check;

import java.util.List;

/** What {@link Checker} found, with counts of what it looked at. */
public record CheckReport(List<Finding> findings, int snapshots, int packs, long blobs, int packsRead,
        long bytesRead) {

    public boolean healthy() {
        return findings.stream().noneMatch(Finding::isError);
    }

    public long errorCount() {
        return findings.stream().filter(Finding::isError).count();
    }
}
