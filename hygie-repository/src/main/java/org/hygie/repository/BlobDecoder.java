package org.hygie.repository;

import java.io.IOException;
import java.security.MessageDigest;
import org.hygie.repository.compress.ZstdCodec;
import org.hygie.repository.crypto.CryptoException;
import org.hygie.repository.crypto.CryptoKey;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.id.Id;
import org.hygie.repository.index.BlobLocation;

/**
 * Decodes blobs as {@link Repository#decodeBlob} does (MAC, decryption, decompression, hash), without allocating
 * per blob: decryption is done in place in the caller's buffer, decompression goes to a buffer this decoder
 * keeps (grown to the largest blob seen, 8 MiB at most for restic's chunker). For readers of many blobs: restore
 * and check. One per thread; not thread-safe.
 */
public final class BlobDecoder {
    private final CryptoKey key;
    private final MessageDigest sha = Id.sha256();
    private final byte[] digest = new byte[Id.LENGTH];
    private final byte[] expected = new byte[Id.LENGTH];
    private byte[] out = new byte[0];

    BlobDecoder(CryptoKey key) {
        this.key = key;
    }

    /** A blob's plaintext: {@code length} bytes at {@code offset} of {@code array}; valid until the next decode. */
    public record Plain(byte[] array, int offset, int length) {
    }

    /**
     * Decodes the blob whose stored bytes ({@code loc.length()} of them) start at {@code offset} of {@code buffer}.
     * Those bytes are overwritten (decrypted in place) when the MAC is valid. The result is either inside
     * {@code buffer} (a blob stored uncompressed) or in this decoder's own buffer.
     *
     * @throws RepositoryException {@link Problem#CORRUPTED} when the MAC, the compressed frame or the hash is wrong
     */
    public Plain decode(BlobLocation loc, byte[] buffer, int offset) {
        try {
            key.decryptInPlace(buffer, offset, loc.length());
            int plainOffset = offset + CryptoKey.IV_SIZE;
            int plainLength = loc.length() - CryptoKey.OVERHEAD;
            Plain plain;
            if (loc.compressed()) {
                int n = loc.uncompressedLength();
                if (out.length < n) {
                    out = new byte[Math.max(n, Math.min(Integer.MAX_VALUE - 8, out.length + (out.length >> 1)))];
                }
                ZstdCodec.decompressInto(buffer, plainOffset, plainLength, out, 0, n);
                plain = new Plain(out, 0, n);
            } else {
                plain = new Plain(buffer, plainOffset, plainLength);
            }
            sha.update(plain.array(), plain.offset(), plain.length());
            sha.digest(digest, 0, Id.LENGTH);
            loc.blob().copyTo(expected, 0);
            if (!MessageDigest.isEqual(digest, expected)) {
                throw new RepositoryException(Problem.CORRUPTED, loc.blob().hex(), what(loc) + ": wrong hash");
            }
            return plain;
        } catch (CryptoException | IOException | java.security.DigestException e) {
            throw new RepositoryException(Problem.CORRUPTED, loc.blob().hex(), what(loc) + ": " + e.getMessage(), e);
        }
    }

    private static String what(BlobLocation loc) {
        return loc.type().json() + " blob " + loc.blob() + " in pack " + loc.pack();
    }
}
