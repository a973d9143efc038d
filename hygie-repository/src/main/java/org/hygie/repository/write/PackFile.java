package org.hygie.repository.write;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.hygie.repository.crypto.CryptoKey;
import org.hygie.repository.id.Id;
import org.hygie.repository.pack.PackEntry;
import org.hygie.repository.pack.PackHeader;

/**
 * A finished pack file (restic-format.md §7.1): {@code blob_1 || … || blob_n || EncHeader || u32 LE len(EncHeader)},
 * named by the SHA-256 of all its bytes. {@code plainBytes} is the plaintext length of its blobs.
 */
record PackFile(Id id, byte[] bytes, List<PackEntry> entries, long plainBytes) {

    /** Lays out the blobs of {@code pack}, appends the encrypted header and its length, and hashes the result. */
    static PackFile assemble(OpenPack pack, CryptoKey key) {
        List<PackEntry> entries = new ArrayList<>(pack.blobs().size());
        long offset = 0;
        long plain = 0;
        for (EncodedBlob b : pack.blobs()) {
            entries.add(new PackEntry(b.type(), b.id(), offset, b.stored().length, b.uncompressedLength()));
            offset += b.stored().length;
            plain += b.plainLength();
        }
        byte[] header = key.encrypt(PackHeader.encode(entries));
        long size = offset + header.length + 4;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("pack of " + size + " bytes is too large");
        }
        byte[] out = new byte[(int) size];
        int pos = 0;
        for (EncodedBlob b : pack.blobs()) {
            System.arraycopy(b.stored(), 0, out, pos, b.stored().length);
            pos += b.stored().length;
        }
        System.arraycopy(header, 0, out, pos, header.length);
        pos += header.length;
        int len = header.length;
        out[pos] = (byte) len;
        out[pos + 1] = (byte) (len >>> 8);
        out[pos + 2] = (byte) (len >>> 16);
        out[pos + 3] = (byte) (len >>> 24);
        MessageDigest sha = Id.sha256();
        sha.update(out);
        return new PackFile(Id.of(sha.digest()), out, List.copyOf(entries), plain);
    }
}
