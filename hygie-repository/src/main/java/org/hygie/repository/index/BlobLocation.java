package org.hygie.repository.index;

import org.hygie.repository.id.Id;
import org.hygie.repository.pack.BlobType;

/** Where a blob is stored: its pack, byte range, and uncompressed length (0 when stored plain). */
public record BlobLocation(BlobType type, Id blob, Id pack, long offset, int length, int uncompressedLength) {

    public boolean compressed() {
        return uncompressedLength != 0;
    }

    /** Length of the blob's plaintext (uncompressed). */
    public int plainLength() {
        return compressed() ? uncompressedLength : length - 32;
    }
}
