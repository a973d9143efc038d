package org.hygie.repository.pack;

import java.io.IOException;
import java.util.List;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.crypto.CryptoException;
import org.hygie.repository.crypto.CryptoKey;
import org.hygie.repository.id.Id;

/** Reads a pack's header from its tail: the u32 length, then the encrypted header before it. */
public final class PackReader {
    private PackReader() {
    }

    public static List<PackEntry> readHeader(Backend backend, CryptoKey key, Id pack, boolean allowCompressed)
            throws IOException, PackFormatException {
        long size = backend.size(FileType.PACK, pack.hex());
        return readHeader(backend, key, pack, size, allowCompressed);
    }

    public static List<PackEntry> readHeader(Backend backend, CryptoKey key, Id pack, long size,
            boolean allowCompressed) throws IOException, PackFormatException {
        if (size < 4 + CryptoKey.OVERHEAD) {
            throw new PackFormatException("pack file too small (" + size + " bytes)");
        }
        byte[] tail = backend.load(FileType.PACK, pack.hex(), size - 4, 4);
        long headerLen = PackHeader.u32(tail, 0);
        if (headerLen < CryptoKey.OVERHEAD || headerLen + 4 > PackHeader.MAX_HEADER_SIZE || headerLen + 4 > size) {
            throw new PackFormatException("invalid pack header length " + headerLen + " in a pack of " + size
                    + " bytes");
        }
        byte[] enc = backend.load(FileType.PACK, pack.hex(), size - 4 - headerLen, (int) headerLen);
        return decodeHeader(key, enc, 0, enc.length, allowCompressed);
    }

    /** Parses the header of a pack held whole in memory (for reading all its data). */
    public static List<PackEntry> readHeader(CryptoKey key, byte[] whole, boolean allowCompressed)
            throws PackFormatException {
        if (whole.length < 4 + CryptoKey.OVERHEAD) {
            throw new PackFormatException("pack file too small (" + whole.length + " bytes)");
        }
        long headerLen = PackHeader.u32(whole, whole.length - 4);
        if (headerLen < CryptoKey.OVERHEAD || headerLen + 4 > PackHeader.MAX_HEADER_SIZE
                || headerLen + 4 > whole.length) {
            throw new PackFormatException("invalid pack header length " + headerLen);
        }
        return decodeHeader(key, whole, (int) (whole.length - 4 - headerLen), (int) headerLen, allowCompressed);
    }

    private static List<PackEntry> decodeHeader(CryptoKey key, byte[] buf, int off, int len, boolean allowCompressed)
            throws PackFormatException {
        byte[] plain;
        try {
            plain = key.decrypt(buf, off, len);
        } catch (CryptoException e) {
            throw new PackFormatException("pack header does not decrypt: " + e.getMessage());
        }
        return PackHeader.decode(plain, allowCompressed);
    }
}
