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
 * (restic-format.md §7.1–§7.3). Thread-safe; each thread encodes into buffers of its own, which it reuses from
 * blob to blob. The time spent in each step is added to {@link WriterCounters}.
 */
final class BlobEncoder {
    /** Larger blobs (trees of huge folders) are encoded into arrays of their own, not kept afterwards. */
    static final int SCRATCH_MAX = 16 << 20;

    private final CryptoKey key;
    private final boolean compressionAllowed;
    private final Compression compression;
    private final boolean verify;
    private final WriterCounters counters;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    BlobEncoder(CryptoKey key, boolean compressionAllowed, Compression compression, boolean verify,
            WriterCounters counters) {
        this.key = key;
        this.compressionAllowed = compressionAllowed;
        this.compression = compression;
        this.verify = verify;
        this.counters = counters;
    }

    /**
     * Encodes {@code plaintext} into this thread's scratch buffers: the result's bytes are valid until this thread
     * encodes another blob (blobs larger than {@link #SCRATCH_MAX} get arrays of their own).
     */
    EncodedBlob encode(BlobType type, Id id, byte[] plaintext) {
        return encode(type, id, plaintext, plaintext.length);
    }

    /** Encodes the blob {@code plaintext[0, length)}, as {@link #encode(BlobType, Id, byte[])} does. */
    EncodedBlob encode(BlobType type, Id id, byte[] plaintext, int length) {
        int level = level(type);
        Scratch scratch = this.scratch.get();
        byte[] payload = plaintext;
        int payloadLength = length;
        int uncompressedLength = 0;
        if (level > 0 && length > 0) {
            long t0 = System.nanoTime();
            byte[] z = scratch.compressed(ZstdCodec.bound(length));
            int n = ZstdCodec.compressInto(plaintext, 0, length, level, z);
            counters.compressNanos.add(System.nanoTime() - t0);
            if (n < length) {
                payload = z;
                payloadLength = n;
                uncompressedLength = length;
            }
        }
        long t1 = System.nanoTime();
        int storedLength = payloadLength + CryptoKey.OVERHEAD;
        byte[] stored = scratch.stored(storedLength);
        key.encryptInto(payload, 0, payloadLength, stored, 0);
        long t2 = System.nanoTime();
        counters.encryptNanos.add(t2 - t1);
        EncodedBlob blob = new EncodedBlob(type, id, stored, storedLength, length, uncompressedLength);
        if (verify) {
            check(blob);
            counters.verifyNanos.add(System.nanoTime() - t2);
        }
        return blob;
    }

    /**
     * An encoding thread's two buffers, for the compressed frame and for the encrypted blob, grown to the largest
     * blob seen up to {@link #SCRATCH_MAX}: a backup's chunks (up to 8 MiB) are encoded without allocating.
     */
    private static final class Scratch {
        private static final int COMPRESSED = 0;
        private static final int STORED = 1;
        private final byte[][] buffers = {new byte[0], new byte[0]};

        byte[] compressed(int size) {
            return take(COMPRESSED, size);
        }

        byte[] stored(int size) {
            return take(STORED, size);
        }

        private byte[] take(int which, int size) {
            if (size > SCRATCH_MAX) {
                return new byte[size];
            }
            if (buffers[which].length < size) {
                buffers[which] = new byte[grow(buffers[which].length, size)];
            }
            return buffers[which];
        }

        private static int grow(int have, int need) {
            return Math.min(SCRATCH_MAX, Math.max(need, have + (have >> 1)));
        }
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
            byte[] plain = key.decrypt(blob.stored(), 0, blob.storedLength());
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
