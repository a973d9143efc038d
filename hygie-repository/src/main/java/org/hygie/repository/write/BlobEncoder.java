package org.hygie.repository.write;

import java.io.IOException;
import org.hygie.repository.compress.ZstdCodec;
import org.hygie.repository.crypto.CryptoException;
import org.hygie.repository.crypto.CryptoKey;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.id.Id;
import org.hygie.repository.pack.BlobType;

/**
 * Compresses (version 2 only, and only when it helps), encrypts and optionally verifies one blob
 * (restic-format.md §7.1–§7.3). Stateless and thread-safe; the time spent in each step is added to
 * {@link WriterCounters}.
 */
final class BlobEncoder {
    private final CryptoKey key;
    private final boolean compressionAllowed;
    private final Compression compression;
    private final boolean verify;
    private final WriterCounters counters;

    BlobEncoder(CryptoKey key, boolean compressionAllowed, Compression compression, boolean verify,
            WriterCounters counters) {
        this.key = key;
        this.compressionAllowed = compressionAllowed;
        this.compression = compression;
        this.verify = verify;
        this.counters = counters;
    }

    EncodedBlob encode(BlobType type, Id id, byte[] plaintext) {
        int level = level(type);
        byte[] payload = plaintext;
        int uncompressedLength = 0;
        if (level > 0 && plaintext.length > 0) {
            long t0 = System.nanoTime();
            byte[] z = ZstdCodec.compress(plaintext, 0, plaintext.length, level);
            counters.compressNanos.add(System.nanoTime() - t0);
            if (z.length < plaintext.length) {
                payload = z;
                uncompressedLength = plaintext.length;
            }
        }
        long t1 = System.nanoTime();
        byte[] stored = key.encrypt(payload);
        long t2 = System.nanoTime();
        counters.encryptNanos.add(t2 - t1);
        EncodedBlob blob = new EncodedBlob(type, id, stored, plaintext.length, uncompressedLength);
        if (verify) {
            check(blob);
            counters.verifyNanos.add(System.nanoTime() - t2);
        }
        return blob;
    }

    /** The zstd level for this blob type, 0 for none. */
    private int level(BlobType type) {
        if (!compressionAllowed) {
            return 0;
        }
        if (compression == Compression.OFF) {
            return type == BlobType.TREE ? Compression.AUTO.level() : 0;
        }
        return compression.level();
    }

    /** Decodes the stored bytes as a reader would and checks they give the blob's id back. */
    private void check(EncodedBlob blob) {
        String what = blob.type().json() + " blob " + blob.id();
        try {
            byte[] plain = key.decrypt(blob.stored());
            if (blob.compressed()) {
                plain = ZstdCodec.decompress(plain, 0, plain.length, blob.uncompressedLength());
            }
            if (!Id.hash(plain).equals(blob.id())) {
                throw new RepositoryException(Problem.CORRUPTED, blob.id().hex(), what
                        + ": its content does not hash to its id (changed after save, or a wrong id was given)");
            }
        } catch (CryptoException | IOException e) {
            throw new RepositoryException(Problem.CORRUPTED, blob.id().hex(), what
                    + " does not decode after encoding: " + e.getMessage(), e);
        }
    }
}
