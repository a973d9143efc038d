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
 * per blob: it keeps a read buffer, a buffer for decrypted compressed blobs and one for plaintext, each grown to the
 * largest seen (a blob is at most 8 MiB with restic's chunker). For readers of many blobs: restore and check. One
 * per thread; not thread-safe.
 */
public final class BlobDecoder {
    private final CryptoKey key;
    private final MessageDigest sha = Id.sha256();
    private final byte[] digest = new byte[Id.LENGTH];
    private final byte[] expected = new byte[Id.LENGTH];
    private byte[] out = new byte[0];
    private byte[] in = new byte[0];
    private byte[] compressed = new byte[0];

    BlobDecoder(CryptoKey key) {
        this.key = key;
    }

    /** A buffer of at least {@code n} bytes to read stored blobs into, then {@link #decode} them; kept. */
    public byte[] readBuffer(int n) {
        if (in.length < n) {
            in = new byte[grow(in.length, n)];
        }
        return in;
    }

    private static int grow(int have, int need) {
        return Math.max(need, (int) Math.min(Integer.MAX_VALUE - 8, have + (long) (have >> 1)));
    }

    /** A blob's plaintext: {@code length} bytes at {@code offset} of {@code array}; valid until the next decode. */
    public record Plain(byte[] array, int offset, int length) {
    }

    /**
     * Decodes the blob whose stored bytes ({@code loc.length()} of them) start at {@code offset} of {@code buffer},
     * which is left as it was. The plaintext is in this decoder's own buffer, valid until the next decode.
     *
     * @throws RepositoryException {@link Problem#CORRUPTED} when the MAC, the compressed frame or the hash is wrong
     */
    public Plain decode(BlobLocation loc, byte[] buffer, int offset) {
        try {
            int plainLength = loc.length() - CryptoKey.OVERHEAD;
            int n = loc.compressed() ? loc.uncompressedLength() : plainLength;
            if (n < 0) {
                throw new CryptoException("encrypted object too short: " + loc.length() + " bytes");
            }
            if (out.length < n) {
                out = new byte[grow(out.length, n)];
            }
            if (loc.compressed()) {
                if (compressed.length < plainLength) {
                    compressed = new byte[grow(compressed.length, plainLength)];
                }
                key.decryptInto(buffer, offset, loc.length(), compressed, 0);
                ZstdCodec.decompressInto(compressed, 0, plainLength, out, 0, n);
            } else {
                key.decryptInto(buffer, offset, loc.length(), out, 0);
            }
            sha.update(out, 0, n);
            sha.digest(digest, 0, Id.LENGTH);
            loc.blob().copyTo(expected, 0);
            if (!MessageDigest.isEqual(digest, expected)) {
                throw new RepositoryException(Problem.CORRUPTED, loc.blob().hex(), what(loc) + ": wrong hash");
            }
            return new Plain(out, 0, n);
        } catch (CryptoException | IOException | java.security.DigestException e) {
            throw new RepositoryException(Problem.CORRUPTED, loc.blob().hex(), what(loc) + ": " + e.getMessage(), e);
        }
    }

    private static String what(BlobLocation loc) {
        return loc.type().json() + " blob " + loc.blob() + " in pack " + loc.pack();
    }
}
