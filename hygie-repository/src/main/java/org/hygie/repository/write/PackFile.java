package org.hygie.repository.write;

import java.security.MessageDigest;
import java.util.List;
import org.hygie.repository.crypto.CryptoKey;
import org.hygie.repository.id.Id;
import org.hygie.repository.pack.PackEntry;
import org.hygie.repository.pack.PackHeader;

/**
 * A finished pack file (restic-format.md §7.1): {@code blob_1 || … || blob_n || EncHeader || u32 LE len(EncHeader)},
 * the first {@code length} bytes of {@code buffer}, named by their SHA-256. {@code plainBytes} is the plaintext length
 * of its blobs. The buffer goes back to its {@link PackBuffers} once the file is stored.
 */
record PackFile(Id id, byte[] buffer, int length, List<PackEntry> entries, long plainBytes) {

    /** Appends the encrypted header and its length to the blobs of {@code pack}, and hashes the result. */
    static PackFile assemble(OpenPack pack, CryptoKey key) {
        byte[] header = key.encrypt(PackHeader.encode(pack.entries()));
        int at = pack.blobBytes();
        long size = (long) at + header.length + 4;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("pack of " + size + " bytes is too large");
        }
        byte[] out = pack.bufferFor((int) size);
        System.arraycopy(header, 0, out, at, header.length);
        int pos = at + header.length;
        int len = header.length;
        out[pos] = (byte) len;
        out[pos + 1] = (byte) (len >>> 8);
        out[pos + 2] = (byte) (len >>> 16);
        out[pos + 3] = (byte) (len >>> 24);
        MessageDigest sha = Id.sha256();
        sha.update(out, 0, (int) size);
        return new PackFile(Id.of(sha.digest()), out, (int) size, List.copyOf(pack.entries()), pack.plainBytes());
    }
}
