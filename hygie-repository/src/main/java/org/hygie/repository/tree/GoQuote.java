package org.hygie.repository.tree;

/**
 * Go's {@code strconv.Quote} and {@code strconv.Unquote} (double-quoted form) over raw bytes, as restic applies
 * them to node names (reference §10.3).
 *
 * <p>{@link #quote} escapes {@code "} and {@code \}, uses {@code \a \b \f \n \r \t \v} for those controls,
 * {@code \xNN} (lower-case) for other bytes below 0x20, for DEL and for each byte that is not valid UTF-8,
 * {@code \u005CuNNNN} / {@code \UNNNNNNNN} for valid runes that are not printable, and leaves printable runes as raw
 * UTF-8. {@link #unquote} accepts every escape Go accepts ({@code \a \b \f \n \r \t \v \\ \" \xNN}, octal
 * {@code \NNN}, {@code \u005CuNNNN}, {@code \UNNNNNNNN}) and rejects the rest, {@code \'} and a raw newline included.
 *
 * <p><b>Printability.</b> Go's {@code unicode.IsPrint} is letters, marks, numbers, punctuation, symbols (categories
 * L, M, N, P, S) and the ASCII space. {@link #isPrint} answers from {@link Character#getType}. restic 0.14 was built
 * with Go 1.19, whose tables are Unicode 13.0, the same version as Java 17's {@code Character}: on Java 17 the
 * answers agree (checked against restic 0.14 for every code point of planes 0, 1 and 14 and samples of the others,
 * in the backup module's interop test). On a newer JDK, characters assigned after Unicode 13 count as printable here but were unassigned
 * (so escaped) for restic 0.14; such a name still reads back the same in restic, only the tree bytes differ.
 */
public final class GoQuote {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Bit i set when {@link Character#getType} value i is printable in Go (L, M, N, P, S). */
    private static final int PRINT_TYPES = 1 << Character.UPPERCASE_LETTER | 1 << Character.LOWERCASE_LETTER
            | 1 << Character.TITLECASE_LETTER | 1 << Character.MODIFIER_LETTER | 1 << Character.OTHER_LETTER
            | 1 << Character.NON_SPACING_MARK | 1 << Character.ENCLOSING_MARK | 1 << Character.COMBINING_SPACING_MARK
            | 1 << Character.DECIMAL_DIGIT_NUMBER | 1 << Character.LETTER_NUMBER | 1 << Character.OTHER_NUMBER
            | 1 << Character.CONNECTOR_PUNCTUATION | 1 << Character.DASH_PUNCTUATION
            | 1 << Character.START_PUNCTUATION | 1 << Character.END_PUNCTUATION
            | 1 << Character.INITIAL_QUOTE_PUNCTUATION | 1 << Character.FINAL_QUOTE_PUNCTUATION
            | 1 << Character.OTHER_PUNCTUATION | 1 << Character.MATH_SYMBOL | 1 << Character.CURRENCY_SYMBOL
            | 1 << Character.MODIFIER_SYMBOL | 1 << Character.OTHER_SYMBOL;

    private GoQuote() {
    }

    /** Go's {@code unicode.IsPrint} (see the class comment for how it is computed). */
    public static boolean isPrint(int codePoint) {
        if (codePoint <= 0xff) {
            return (codePoint >= 0x20 && codePoint <= 0x7e) || (codePoint >= 0xa1 && codePoint != 0xad);
        }
        return (PRINT_TYPES >>> Character.getType(codePoint) & 1) != 0;
    }

    /** {@code strconv.Quote(s)}: the Go string literal, surrounding double quotes included. */
    public static byte[] quote(byte[] s) {
        ByteSink out = new ByteSink(s.length + 8);
        out.append((byte) '"');
        appendQuotedBody(out, s);
        out.append((byte) '"');
        return out.toByteArray();
    }

    /** What restic stores as a node name: {@code strconv.Quote(s)} without its surrounding quotes. */
    public static byte[] quoteBody(byte[] s) {
        ByteSink out = new ByteSink(s.length + 8);
        appendQuotedBody(out, s);
        return out.toByteArray();
    }

    static void appendQuotedBody(ByteSink out, byte[] s) {
        int i = 0;
        while (i < s.length) {
            int b = s[i] & 0xff;
            int r;
            int width;
            if (b < 0x80) {
                r = b;
                width = 1;
            } else {
                int d = GoUtf8.decode(s, i, s.length);
                if (d == GoUtf8.INVALID) {
                    hexByte(out, 'x', b);
                    i++;
                    continue;
                }
                r = GoUtf8.codePoint(d);
                width = GoUtf8.width(d);
            }
            appendEscapedRune(out, r);
            i += width;
        }
    }

    private static void appendEscapedRune(ByteSink out, int r) {
        if (r == '"' || r == '\\') {
            out.append((byte) '\\').append((byte) r);
            return;
        }
        if (isPrint(r)) {
            out.appendCodePoint(r);
            return;
        }
        switch (r) {
            case 0x07: out.append((byte) '\\').append((byte) 'a'); return;
            case '\b': out.append((byte) '\\').append((byte) 'b'); return;
            case '\f': out.append((byte) '\\').append((byte) 'f'); return;
            case '\n': out.append((byte) '\\').append((byte) 'n'); return;
            case '\r': out.append((byte) '\\').append((byte) 'r'); return;
            case '\t': out.append((byte) '\\').append((byte) 't'); return;
            case 0x0b: out.append((byte) '\\').append((byte) 'v'); return;
            default:
                break;
        }
        if (r < ' ' || r == 0x7f) {
            hexByte(out, 'x', r);
        } else if (r < 0x10000) {
            out.append((byte) '\\').append((byte) 'u');
            hexDigits(out, r, 4);
        } else {
            out.append((byte) '\\').append((byte) 'U');
            hexDigits(out, r, 8);
        }
    }

    private static void hexByte(ByteSink out, char kind, int b) {
        out.append((byte) '\\').append((byte) kind);
        hexDigits(out, b, 2);
    }

    private static void hexDigits(ByteSink out, int v, int digits) {
        for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
            out.append(HEX[v >>> shift & 0xf]);
        }
    }

    /**
     * {@code strconv.Unquote} of a double-quoted Go literal (quotes included).
     *
     * @throws IllegalArgumentException if {@code literal} is not valid Go syntax
     */
    public static byte[] unquote(byte[] literal) {
        if (literal.length < 2 || literal[0] != '"' || literal[literal.length - 1] != '"') {
            throw new IllegalArgumentException("invalid syntax: not a double-quoted Go string");
        }
        return unquote(literal, 1, literal.length - 1);
    }

    /**
     * What restic does to a stored node name: {@code strconv.Unquote("\"" + body + "\"")}.
     *
     * @throws IllegalArgumentException if the body is not valid Go syntax
     */
    public static byte[] unquoteBody(byte[] body) {
        return unquote(body, 0, body.length);
    }

    private static byte[] unquote(byte[] s, int start, int end) {
        ByteSink out = new ByteSink(end - start);
        int i = start;
        while (i < end) {
            int c = s[i] & 0xff;
            if (c == '\n') {
                throw syntax("raw newline", i - start);
            }
            if (c == '"') {
                throw syntax("unescaped double quote", i - start);
            }
            if (c >= 0x80) {
                int d = GoUtf8.decode(s, i, end);
                if (d == GoUtf8.INVALID) {
                    out.appendCodePoint(0xfffd);
                    i++;
                } else {
                    out.append(s, i, GoUtf8.width(d));
                    i += GoUtf8.width(d);
                }
                continue;
            }
            if (c != '\\') {
                out.append((byte) c);
                i++;
                continue;
            }
            if (i + 1 >= end) {
                throw syntax("lone backslash at the end", i - start);
            }
            int e = s[i + 1] & 0xff;
            i += 2;
            switch (e) {
                case 'a': out.append((byte) 0x07); break;
                case 'b': out.append((byte) '\b'); break;
                case 'f': out.append((byte) '\f'); break;
                case 'n': out.append((byte) '\n'); break;
                case 'r': out.append((byte) '\r'); break;
                case 't': out.append((byte) '\t'); break;
                case 'v': out.append((byte) 0x0b); break;
                case '\\': out.append((byte) '\\'); break;
                case '"': out.append((byte) '"'); break;
                case 'x': case 'u': case 'U': {
                    int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + n > end) {
                        throw syntax("short \\" + (char) e + " escape", i - 2 - start);
                    }
                    long v = 0;
                    for (int k = 0; k < n; k++) {
                        int h = Character.digit(s[i + k] & 0xff, 16);
                        if (h < 0 || (s[i + k] & 0xff) >= 0x80) {
                            throw syntax("bad hex digit in \\" + (char) e + " escape", i - 2 - start);
                        }
                        v = v << 4 | h;
                    }
                    i += n;
                    if (e == 'x') {
                        out.append((byte) v);
                    } else {
                        if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) {
                            throw syntax("\\" + (char) e + " escape is not a valid rune", i - n - 2 - start);
                        }
                        out.appendCodePoint((int) v);
                    }
                    break;
                }
                case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
                    if (i + 2 > end) {
                        throw syntax("short octal escape", i - 2 - start);
                    }
                    int v = e - '0';
                    for (int k = 0; k < 2; k++) {
                        int x = (s[i + k] & 0xff) - '0';
                        if (x < 0 || x > 7) {
                            throw syntax("bad octal digit", i - 2 - start);
                        }
                        v = v << 3 | x;
                    }
                    i += 2;
                    if (v > 255) {
                        throw syntax("octal escape above \\377", i - 4 - start);
                    }
                    out.append((byte) v);
                    break;
                }
                default:
                    throw syntax("unknown escape \\" + (e < 0x20 || e >= 0x7f ? String.format("x%02x", e) : String.valueOf((char) e)), i - 2 - start);
            }
        }
        return out.toByteArray();
    }

    private static IllegalArgumentException syntax(String what, int offset) {
        return new IllegalArgumentException("invalid Go string syntax: " + what + " at byte " + offset);
    }
}
