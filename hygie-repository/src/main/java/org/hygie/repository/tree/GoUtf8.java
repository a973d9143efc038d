package org.hygie.repository.tree;

/**
 * UTF-8 as Go's {@code unicode/utf8} sees it: {@link #decode} follows {@code utf8.DecodeRune}, so an invalid or
 * truncated sequence, an overlong form or an encoded surrogate is one bad byte, and decoding resumes at the next
 * byte. Java's own decoder groups bad bytes differently, so the format code uses this one wherever Go would.
 */
final class GoUtf8 {
    /** What {@link #decode} returns for a byte that does not start a valid sequence (the sequence is 1 byte). */
    static final int INVALID = -1;

    private GoUtf8() {
    }

    /**
     * Decodes the rune at {@code i} (which must be below {@code end}).
     *
     * @return {@link #INVALID}, or the code point in the low 21 bits and the sequence length (1 to 4) above bit 24
     */
    static int decode(byte[] s, int i, int end) {
        int b0 = s[i] & 0xff;
        if (b0 < 0x80) {
            return b0 | 1 << 24;
        }
        int lo = 0x80;
        int hi = 0xbf;
        int n;
        int cp;
        if (b0 >= 0xc2 && b0 <= 0xdf) {
            n = 2;
            cp = b0 & 0x1f;
        } else if (b0 >= 0xe0 && b0 <= 0xef) {
            n = 3;
            cp = b0 & 0x0f;
            if (b0 == 0xe0) {
                lo = 0xa0;
            } else if (b0 == 0xed) {
                hi = 0x9f;
            }
        } else if (b0 >= 0xf0 && b0 <= 0xf4) {
            n = 4;
            cp = b0 & 0x07;
            if (b0 == 0xf0) {
                lo = 0x90;
            } else if (b0 == 0xf4) {
                hi = 0x8f;
            }
        } else {
            return INVALID;
        }
        if (i + n > end) {
            return INVALID;
        }
        int b1 = s[i + 1] & 0xff;
        if (b1 < lo || b1 > hi) {
            return INVALID;
        }
        cp = cp << 6 | (b1 & 0x3f);
        for (int k = 2; k < n; k++) {
            int b = s[i + k] & 0xff;
            if (b < 0x80 || b > 0xbf) {
                return INVALID;
            }
            cp = cp << 6 | (b & 0x3f);
        }
        return cp | n << 24;
    }

    static int codePoint(int decoded) {
        return decoded & 0x1fffff;
    }

    static int width(int decoded) {
        return decoded >>> 24;
    }

    /** True when all of {@code s} is valid UTF-8 in Go's sense. */
    static boolean isValid(byte[] s) {
        int i = 0;
        while (i < s.length) {
            if (s[i] >= 0) {
                i++;
                continue;
            }
            int d = decode(s, i, s.length);
            if (d == INVALID) {
                return false;
            }
            i += width(d);
        }
        return true;
    }

    /**
     * Replaces every invalid byte by U+FFFD, as Go does when it converts bytes to runes (and as its JSON decoder
     * does inside strings). Returns {@code s} itself when it is already valid.
     */
    static byte[] sanitize(byte[] s) {
        if (isValid(s)) {
            return s;
        }
        ByteSink out = new ByteSink(s.length + 16);
        int i = 0;
        while (i < s.length) {
            int d = decode(s, i, s.length);
            if (d == INVALID) {
                out.appendCodePoint(0xfffd);
                i++;
            } else {
                out.append(s, i, width(d));
                i += width(d);
            }
        }
        return out.toByteArray();
    }

    /**
     * The bytes Go would hold for a Java string: UTF-8, with each unpaired surrogate turned into U+FFFD (Go's JSON
     * decoder does the same with a lone {@code \u005Cud800} escape).
     */
    static byte[] fromJava(String s) {
        ByteSink out = new ByteSink(s.length() + 8);
        appendJava(out, s);
        return out.toByteArray();
    }

    static void appendJava(ByteSink out, String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out.append((byte) c);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.appendCodePoint(Character.toCodePoint(c, s.charAt(i + 1)));
                i++;
            } else if (Character.isSurrogate(c)) {
                out.appendCodePoint(0xfffd);
            } else {
                out.appendCodePoint(c);
            }
        }
    }

    /** Turns unpaired surrogates into U+FFFD, so the string is what Go would have decoded. */
    static String normalize(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return new String(fromJava(s), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return s;
    }
}
