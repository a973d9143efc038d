package org.hygie.backup.prune;

/**
 * restic's prune statistics, in blobs and bytes (bytes as stored in packs, headers counted with the used data).
 * {@code unreferencedBytes} is the size of pack files no index lists. "repack" is what is rewritten, of which
 * "repackRemoved" goes; "remove" is in packs deleted whole.
 */
public record PruneStats(long usedBlobs, long usedBytes, long duplicateBlobs, long duplicateBytes, long unusedBlobs,
        long unusedBytes, long unreferencedBytes, long repackBlobs, long repackBytes, long repackRemovedBlobs,
        long repackRemovedBytes, long removeBlobs, long removeBytes, Packs packs) {

    /** Pack counts: wholly used, partly used, unused; and what happens to them. */
    public record Packs(long used, long partlyUsed, long unused, long keep, long repack, long remove,
            long unreferenced) {
    }

    public long totalBlobs() {
        return usedBlobs + duplicateBlobs + unusedBlobs;
    }

    public long totalBytes() {
        return usedBytes + duplicateBytes + unusedBytes + unreferencedBytes;
    }

    /** Blobs and bytes prune frees. */
    public long pruneBlobs() {
        return removeBlobs + repackRemovedBlobs;
    }

    public long pruneBytes() {
        return removeBytes + repackRemovedBytes + unreferencedBytes;
    }

    public long remainingBlobs() {
        return totalBlobs() - pruneBlobs();
    }

    public long remainingBytes() {
        return totalBytes() - pruneBytes();
    }

    /** Unused bytes left after pruning. */
    public long unusedAfter() {
        return duplicateBytes + unusedBytes - removeBytes - repackRemovedBytes;
    }
}
