package org.hygie.backup.prune;

/**
 * What {@link Pruner#execute} did: packs written and deleted, index files written and deleted, bytes of pack files
 * before and after, bytes read to repack, and the time it took.
 */
public record PruneResult(long packsWritten, long packsDeleted, long indexFilesWritten, long indexFilesDeleted,
        long packBytesBefore, long packBytesAfter, long bytesRead, long millis) {
}
