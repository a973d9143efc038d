package org.hygie.repository.tree;

import java.util.Arrays;

/** A growable byte array, the encoder's output buffer. Not thread-safe. */
final class ByteSink {
    private byte[] buf;
    private int len;

    ByteSink(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }

    ByteSink append(byte b) {
        ensure(1);
        buf[len++] = b;
        return this;
    }

    ByteSink append(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        return this;
    }

    ByteSink append(byte[] b) {
        return append(b, 0, b.length);
    }

    /** Appends ASCII text (every char must be below 0x80). */
    ByteSink ascii(CharSequence s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
        return this;
    }

    ByteSink appendCodePoint(int cp) {
        ensure(4);
        if (cp < 0x80) {
            buf[len++] = (byte) cp;
        } else if (cp < 0x800) {
            buf[len++] = (byte) (0xc0 | cp >> 6);
            buf[len++] = (byte) (0x80 | cp & 0x3f);
        } else if (cp < 0x10000) {
            buf[len++] = (byte) (0xe0 | cp >> 12);
            buf[len++] = (byte) (0x80 | cp >> 6 & 0x3f);
            buf[len++] = (byte) (0x80 | cp & 0x3f);
        } else {
            buf[len++] = (byte) (0xf0 | cp >> 18);
            buf[len++] = (byte) (0x80 | cp >> 12 & 0x3f);
            buf[len++] = (byte) (0x80 | cp >> 6 & 0x3f);
            buf[len++] = (byte) (0x80 | cp & 0x3f);
        }
        return this;
    }

    /** The backing array; valid up to {@link #length()}. */
    byte[] array() {
        return buf;
    }

    int length() {
        return len;
    }

    void reset() {
        len = 0;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }
}
