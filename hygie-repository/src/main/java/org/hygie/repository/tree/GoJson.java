package org.hygie.repository.tree;

/**
 * Go {@code encoding/json} string escaping as go1.19 does it with HTML escaping on (reference §10.6): {@code "} and
 * {@code \} backslashed; {@code \n \r \t}; other bytes below 0x20 and {@code < > &} as {@code \u005Cu00XX} (lower-case
 * hex); U+2028 and U+2029 as {@code \u005Cu2028}, {@code \u005Cu2029}; each byte that is not valid UTF-8 as the six
 * characters {@code \u005Cufffd}; everything else (DEL included) raw.
 */
final class GoJson {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** ASCII bytes written as they are: 0x20..0x7f except {@code " \ < > &}. */
    private static final boolean[] SAFE = new boolean[128];

    static {
        for (int c = 0x20; c < 0x80; c++) {
            SAFE[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&';
        }
    }

    private GoJson() {
    }

    /** Writes the quoted JSON string of Go string bytes {@code s[off, off+len)}. */
    static void appendString(ByteSink out, byte[] s, int off, int len) {
        out.append((byte) '"');
        int end = off + len;
        int i = off;
        while (i < end) {
            int b = s[i] & 0xff;
            if (b < 0x80) {
                if (SAFE[b]) {
                    out.append((byte) b);
                } else {
                    escapeAscii(out, b);
                }
                i++;
                continue;
            }
            int d = GoUtf8.decode(s, i, end);
            if (d == GoUtf8.INVALID) {
                out.ascii("\\ufffd");
                i++;
                continue;
            }
            int cp = GoUtf8.codePoint(d);
            if (cp == 0x2028 || cp == 0x2029) {
                out.ascii(cp == 0x2028 ? "\\u2028" : "\\u2029");
            } else {
                out.append(s, i, GoUtf8.width(d));
            }
            i += GoUtf8.width(d);
        }
        out.append((byte) '"');
    }

    static void appendString(ByteSink out, byte[] s) {
        appendString(out, s, 0, s.length);
    }

    /**
     * Writes the quoted JSON string of a Java string, as Go would write its UTF-8 bytes; an unpaired surrogate
     * (which has no UTF-8 form) is written {@code \u005Cufffd} like an invalid byte.
     */
    static void appendString(ByteSink out, String s) {
        out.append((byte) '"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (SAFE[c]) {
                    out.append((byte) c);
                } else {
                    escapeAscii(out, c);
                }
            } else if (c == 0x2028 || c == 0x2029) {
                out.ascii(c == 0x2028 ? "\\u2028" : "\\u2029");
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.appendCodePoint(Character.toCodePoint(c, s.charAt(i + 1)));
                i++;
            } else if (Character.isSurrogate(c)) {
                out.ascii("\\ufffd");
            } else {
                out.appendCodePoint(c);
            }
        }
        out.append((byte) '"');
    }

    private static void escapeAscii(ByteSink out, int b) {
        switch (b) {
            case '\\': case '"':
                out.append((byte) '\\').append((byte) b);
                break;
            case '\n':
                out.append((byte) '\\').append((byte) 'n');
                break;
            case '\r':
                out.append((byte) '\\').append((byte) 'r');
                break;
            case '\t':
                out.append((byte) '\\').append((byte) 't');
                break;
            default:
                out.ascii("\\u00").append(HEX[b >> 4]).append(HEX[b & 0xf]);
                break;
        }
    }
}
