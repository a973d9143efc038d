package org.hygie.repository.write;

import java.util.ArrayList;
import java.util.List;
import org.hygie.repository.crypto.CryptoKey;
import org.hygie.repository.pack.BlobType;
import org.hygie.repository.pack.PackHeader;

/**
 * Blobs gathered for one pack, in the order they will sit in it. Adding is O(1) (no copying), so it can be done
 * under the writer's lock; the bytes are assembled by {@link PackFile#assemble} afterwards. Not thread-safe.
 */
final class OpenPack {
    /** The largest header plaintext a reader accepts: 16 MiB + 4 in all, minus crypto overhead and length field. */
    static final int MAX_HEADER_PLAIN = PackHeader.MAX_HEADER_SIZE - 4 - CryptoKey.OVERHEAD;
    /** Pack files stay far below 2 GiB, so offsets and the assembled array fit an int. */
    static final long MAX_PACK_BYTES = 1L << 30;

    private final BlobType type;
    private final List<EncodedBlob> blobs = new ArrayList<>();
    private long blobBytes;
    private int headerBytes;
    private long charged;

    OpenPack(BlobType type) {
        this.type = type;
    }

    BlobType type() {
        return type;
    }

    boolean isEmpty() {
        return blobs.isEmpty();
    }

    long blobBytes() {
        return blobBytes;
    }

    List<EncodedBlob> blobs() {
        return blobs;
    }

    /** Drops the blobs once they are copied into the pack file, so an upload holds one copy of the bytes, not two. */
    void releaseBlobs() {
        blobs.clear();
    }

    /** Whether {@code b} may still go in; an empty pack takes any blob. */
    boolean hasRoomFor(EncodedBlob b) {
        return blobs.isEmpty() || (headerBytes + entrySize(b) <= MAX_HEADER_PLAIN
                && blobBytes + b.stored().length <= MAX_PACK_BYTES);
    }

    /** Bytes of the writer's budget this pack holds, given back once it is uploaded (or dropped). */
    long charged() {
        return charged;
    }

    void add(EncodedBlob b, long charge) {
        if (b.type() != type) {
            throw new IllegalArgumentException("a " + b.type().json() + " blob in a " + type.json() + " pack");
        }
        blobs.add(b);
        blobBytes += b.stored().length;
        headerBytes += entrySize(b);
        charged += charge;
    }

    /** restic's rule: finish as soon as the blob bytes reach the target, or the header cannot take one more entry. */
    boolean isFull(int target) {
        return blobBytes >= target || headerBytes + PackHeader.COMPRESSED_ENTRY_SIZE > MAX_HEADER_PLAIN;
    }

    private static int entrySize(EncodedBlob b) {
        return b.compressed() ? PackHeader.COMPRESSED_ENTRY_SIZE : PackHeader.PLAIN_ENTRY_SIZE;
    }
}
