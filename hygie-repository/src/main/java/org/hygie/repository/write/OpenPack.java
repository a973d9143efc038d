package org.hygie.repository.write;

import java.util.ArrayList;
import java.util.List;
import org.hygie.repository.crypto.CryptoKey;
import org.hygie.repository.pack.BlobType;
import org.hygie.repository.pack.PackEntry;
import org.hygie.repository.pack.PackHeader;

/**
 * A pack being filled: its blobs laid out one after the other in a buffer from {@link PackBuffers}, in the order
 * they will sit in the file, and their header entries. {@link #add} copies the blob's bytes (a memory copy, done
 * under the writer's lock); {@link PackFile#assemble} appends the header afterwards. Not thread-safe.
 */
final class OpenPack {
    /** The largest header plaintext a reader accepts: 16 MiB + 4 in all, minus crypto overhead and length field. */
    static final int MAX_HEADER_PLAIN = PackHeader.MAX_HEADER_SIZE - 4 - CryptoKey.OVERHEAD;
    /** Pack files stay far below 2 GiB, so offsets and the buffer fit an int. */
    static final long MAX_PACK_BYTES = 1L << 30;
    private static final byte[] NONE = new byte[0];

    private final BlobType type;
    private final PackBuffers buffers;
    private final List<PackEntry> entries = new ArrayList<>();
    private byte[] buffer = NONE;
    private int size;
    private long plainBytes;
    private int headerBytes;
    private long charged;

    OpenPack(BlobType type, PackBuffers buffers) {
        this.type = type;
        this.buffers = buffers;
    }

    BlobType type() {
        return type;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Bytes of the blobs so far: they are the first bytes of {@link #bufferFor}. */
    int blobBytes() {
        return size;
    }

    /** The plaintext length of the blobs so far. */
    long plainBytes() {
        return plainBytes;
    }

    /** The buffer, grown if need be to hold {@code total} bytes (the blobs, then what follows them). */
    byte[] bufferFor(int total) {
        buffer = buffers.ensure(buffer, size, total);
        return buffer;
    }

    List<PackEntry> entries() {
        return entries;
    }

    /** Whether {@code b} may still go in; an empty pack takes any blob. */
    boolean hasRoomFor(EncodedBlob b) {
        return entries.isEmpty() || (headerBytes + entrySize(b) <= MAX_HEADER_PLAIN
                && (long) size + b.storedLength() <= MAX_PACK_BYTES);
    }

    /** Bytes of the writer's budget this pack holds, given back once it is uploaded (or dropped). */
    long charged() {
        return charged;
    }

    /** Copies the blob's bytes in after the others; {@code b}'s buffer may be reused as soon as this returns. */
    void add(EncodedBlob b, long charge) {
        if (b.type() != type) {
            throw new IllegalArgumentException("a " + b.type().json() + " blob in a " + type.json() + " pack");
        }
        int at = size;
        buffer = buffers.ensure(buffer, size, Math.addExact(size, b.storedLength()));
        System.arraycopy(b.stored(), 0, buffer, at, b.storedLength());
        entries.add(new PackEntry(b.type(), b.id(), at, b.storedLength(), b.uncompressedLength()));
        size += b.storedLength();
        plainBytes += b.plainLength();
        headerBytes += entrySize(b);
        charged += charge;
    }

    /** restic's rule: finish as soon as the blob bytes reach the target, or the header cannot take one more entry. */
    boolean isFull(int target) {
        return size >= target || headerBytes + PackHeader.COMPRESSED_ENTRY_SIZE > MAX_HEADER_PLAIN;
    }

    private static int entrySize(EncodedBlob b) {
        return b.compressed() ? PackHeader.COMPRESSED_ENTRY_SIZE : PackHeader.PLAIN_ENTRY_SIZE;
    }
}
