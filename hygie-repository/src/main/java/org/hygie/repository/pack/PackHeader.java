package org.hygie.repository.pack;

import java.util.ArrayList;
import java.util.List;
import org.hygie.repository.id.Id;

/**
 * Encodes and decodes the plaintext of a pack header (restic-format.md §7.2): entries of 37 bytes
 * (type 0/1: type, u32 length, id) or 41 bytes (type 2/3: type, u32 length, u32 uncompressed length, id),
 * offsets implicit in order.
 */
public final class PackHeader {
    public static final int PLAIN_ENTRY_SIZE = 37;
    public static final int COMPRESSED_ENTRY_SIZE = 41;
    /** The largest header restic accepts (encrypted header plus its length field). */
    public static final int MAX_HEADER_SIZE = 16 * 1024 * 1024 + 4;

    private PackHeader() {
    }

    /** Parses header plaintext; {@code allowCompressed} is false for version 1 repositories. */
    public static List<PackEntry> decode(byte[] plain, boolean allowCompressed) throws PackFormatException {
        List<PackEntry> entries = new ArrayList<>();
        long offset = 0;
        int pos = 0;
        while (pos < plain.length) {
            int type = plain[pos] & 0xff;
            boolean compressed = type == 2 || type == 3;
            if (type > 3) {
                throw new PackFormatException("unknown blob type " + type + " in pack header at byte " + pos);
            }
            if (compressed && !allowCompressed) {
                throw new PackFormatException("compressed blob in a version 1 repository");
            }
            int size = compressed ? COMPRESSED_ENTRY_SIZE : PLAIN_ENTRY_SIZE;
            if (pos + size > plain.length) {
                throw new PackFormatException("pack header truncated at byte " + pos);
            }
            long length = u32(plain, pos + 1);
            int uncompressed = 0;
            int idPos = pos + 5;
            if (compressed) {
                long u = u32(plain, pos + 5);
                if (u == 0 || u > Integer.MAX_VALUE) {
                    throw new PackFormatException("invalid uncompressed length " + u);
                }
                uncompressed = (int) u;
                idPos += 4;
            }
            if (length > Integer.MAX_VALUE) {
                throw new PackFormatException("blob length " + length + " too large");
            }
            BlobType bt = (type & 1) == 0 ? BlobType.DATA : BlobType.TREE;
            entries.add(new PackEntry(bt, Id.of(plain, idPos), offset, (int) length, uncompressed));
            offset += length;
            pos += size;
        }
        return entries;
    }

    public static byte[] encode(List<PackEntry> entries) {
        int size = 0;
        for (PackEntry e : entries) {
            size += e.headerSize();
        }
        byte[] out = new byte[size];
        int pos = 0;
        for (PackEntry e : entries) {
            int type = (e.type() == BlobType.TREE ? 1 : 0) | (e.compressed() ? 2 : 0);
            out[pos] = (byte) type;
            putU32(out, pos + 1, e.length());
            int idPos = pos + 5;
            if (e.compressed()) {
                putU32(out, pos + 5, e.uncompressedLength());
                idPos += 4;
            }
            e.id().copyTo(out, idPos);
            pos += e.headerSize();
        }
        return out;
    }

    static long u32(byte[] b, int p) {
        return (b[p] & 0xffL) | (b[p + 1] & 0xffL) << 8 | (b[p + 2] & 0xffL) << 16 | (b[p + 3] & 0xffL) << 24;
    }

    static void putU32(byte[] b, int p, long v) {
        b[p] = (byte) v;
        b[p + 1] = (byte) (v >>> 8);
        b[p + 2] = (byte) (v >>> 16);
        b[p + 3] = (byte) (v >>> 24);
    }
}
