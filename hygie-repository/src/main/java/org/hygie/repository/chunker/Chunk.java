package org.hygie.repository.chunker;

/**
 * One piece of a file as the chunker cut it: its bytes and where they start in the file.
 *
 * <p>Ownership: {@link #data()} is a fresh array of exactly {@link #length()} bytes that the chunker never touches
 * again. Whoever receives the chunk owns the array and may hand it to another thread without copying. It is
 * returned as is, not copied; do not modify it once shared.
 */
public final class Chunk {
    private final byte[] data;
    private final long offset;

    Chunk(byte[] data, long offset) {
        this.data = data;
        this.offset = offset;
    }

    /** The chunk's bytes, exactly {@link #length()} of them (not a copy; see the class comment). */
    public byte[] data() {
        return data;
    }

    public int length() {
        return data.length;
    }

    /** Position of the first byte in the file. */
    public long offset() {
        return offset;
    }

    @Override
    public String toString() {
        return "Chunk[offset=" + offset + ", length=" + data.length + "]";
    }
}
