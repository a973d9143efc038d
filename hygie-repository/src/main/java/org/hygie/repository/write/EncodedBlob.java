package org.hygie.repository.write;

import org.hygie.repository.id.Id;
import org.hygie.repository.pack.BlobType;

/**
 * A blob ready to go into a pack: {@code stored[0, storedLength)} is {@code IV || AES-CTR(payload) || MAC}, where
 * the payload is the plaintext or its zstd frame; {@code uncompressedLength} is the plaintext length when
 * compressed, else 0. {@code stored} is usually the encoding thread's scratch buffer ({@link BlobEncoder}): the
 * bytes are valid until that thread encodes its next blob, so they are copied into a pack at once.
 */
record EncodedBlob(BlobType type, Id id, byte[] stored, int storedLength, int plainLength, int uncompressedLength) {

    boolean compressed() {
        return uncompressedLength != 0;
    }
}
