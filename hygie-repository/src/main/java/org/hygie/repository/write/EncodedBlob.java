package org.hygie.repository.write;

import org.hygie.repository.id.Id;
import org.hygie.repository.pack.BlobType;

/**
 * A blob ready to go into a pack: {@code stored} is {@code IV || AES-CTR(payload) || MAC}, where the payload is
 * the plaintext or its zstd frame; {@code uncompressedLength} is the plaintext length when compressed, else 0.
 */
record EncodedBlob(BlobType type, Id id, byte[] stored, int plainLength, int uncompressedLength) {

    boolean compressed() {
        return uncompressedLength != 0;
    }
}
