package org.hygie.repository.pack;

import org.hygie.repository.id.Id;

/**
 * One blob inside a pack: where it is ({@code offset}, {@code length} = bytes stored, with the 32-byte
 * crypto overhead) and, when zstd-compressed, its {@code uncompressedLength} (0 when stored plain).
 */
public record PackEntry(BlobType type, Id id, long offset, int length, int uncompressedLength) {

    public boolean compressed() {
        return uncompressedLength != 0;
    }

    /** Bytes this entry takes in the pack header: 37 plain, 41 compressed. */
    public int headerSize() {
        return compressed() ? PackHeader.COMPRESSED_ENTRY_SIZE : PackHeader.PLAIN_ENTRY_SIZE;
    }
}
