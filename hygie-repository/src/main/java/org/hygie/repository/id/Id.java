package org.hygie.repository.id;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A 32-byte restic identifier: the SHA-256 of a blob's plaintext or of a stored file's bytes.
 * Written as 64 lower-case hex characters. Immutable; compares as unsigned bytes.
 */
public final class Id implements Comparable<Id> {
    public static final int LENGTH = 32;
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private Id(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wraps a copy of exactly 32 bytes. */
    public static Id of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("an id has 32 bytes, not " + bytes.length);
        }
        return new Id(bytes.clone());
    }

    /** Reads 32 bytes at {@code offset}. */
    public static Id of(byte[] buffer, int offset) {
        return new Id(Arrays.copyOfRange(buffer, offset, offset + LENGTH));
    }

    /** Parses 64 hex characters (either case); anything else is an {@link IllegalArgumentException}. */
    public static Id parse(String hex) {
        if (hex == null || hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("not a 64-character id: " + hex);
        }
        try {
            return new Id(HEX.parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a hex id: " + hex, e);
        }
    }

    /**
     * Parses 64 hex characters (either case) at {@code chars[offset, offset+length)}, as {@link #parse} does, without
     * making a string of them (the index decoder reads ids from its parser's buffer).
     */
    public static Id parseHex(char[] chars, int offset, int length) {
        if (length != 2 * LENGTH) {
            throw new IllegalArgumentException("not a 64-character id: "
                    + new String(chars, offset, Math.min(length, 80)));
        }
        try {
            return new Id(HEX.parseHex(chars, offset, offset + length));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a hex id: " + new String(chars, offset, length), e);
        }
    }

    /** True when {@code s} is a well-formed id (restic skips other names when listing). */
    public static boolean isValid(String s) {
        if (s == null || s.length() != 2 * LENGTH) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /** SHA-256 of {@code data}, using the JDK's implementation (SHA-NI where the CPU has it). */
    public static Id hash(byte[] data) {
        return hash(data, 0, data.length);
    }

    public static Id hash(byte[] data, int offset, int length) {
        MessageDigest md = sha256();
        md.update(data, offset, length);
        return new Id(md.digest());
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** Copies the 32 bytes into {@code dst} at {@code offset}. */
    public void copyTo(byte[] dst, int offset) {
        System.arraycopy(bytes, 0, dst, offset, LENGTH);
    }

    /** The 8 bytes at {@code offset} (0, 8, 16 or 24) as a big-endian long, without copying the id. */
    public long longAt(int offset) {
        long v = 0;
        for (int k = 0; k < 8; k++) {
            v = (v << 8) | (bytes[offset + k] & 0xffL);
        }
        return v;
    }

    public String hex() {
        return HEX.formatHex(bytes);
    }

    /** The first 8 hex characters, as restic shows ids to people. */
    public String shortHex() {
        return hex().substring(0, 8);
    }

    @Override
    public String toString() {
        return hex();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Id other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
    }

    @Override
    public int compareTo(Id o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }
}
