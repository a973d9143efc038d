package org.hygie.backup.copy;

import java.util.List;
import org.hygie.repository.id.Id;

/**
 * What a copy did: the snapshots copied (source id, new id in the destination), those skipped as already there
 * (source id, the destination's copy), and the blobs written (trees, data; plaintext bytes, bytes stored).
 */
public record CopyResult(List<Copied> copied, List<Skipped> skipped, long treeBlobs, long dataBlobs, long bytes,
        long storedBytes, long millis) {

    public CopyResult {
        copied = List.copyOf(copied);
        skipped = List.copyOf(skipped);
    }

    /** A snapshot copied. */
    public record Copied(Id source, Id copy) {
    }

    /** A snapshot the destination already had. */
    public record Skipped(Id source, Id existing) {
    }
}
