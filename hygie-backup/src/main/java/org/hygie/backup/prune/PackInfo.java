package org.hygie.backup.prune;

import org.hygie.repository.id.Id;
import org.hygie.repository.pack.BlobType;

/** restic's {@code packInfo}: used and unused blobs and bytes of one pack, its blob type, whether it compresses. */
final class PackInfo {
    final Id id;
    long usedBlobs;
    long unusedBlobs;
    long usedSize;
    long unusedSize;
    /** The pack's blob type; null while unknown. */
    BlobType type;
    boolean mixed;
    boolean uncompressed;

    PackInfo(Id id, long headerSize) {
        this.id = id;
        this.usedSize = headerSize;
    }

    boolean isData() {
        return !mixed && type == BlobType.DATA;
    }

    long total() {
        return usedSize + unusedSize;
    }
}
