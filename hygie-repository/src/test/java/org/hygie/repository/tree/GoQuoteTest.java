package org.hygie.repository.tree;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class GoQuoteTest {

    /** Bytes from a string whose chars are all below 0x100 (one byte each). */
    static byte[] raw(String latin1) {
        return latin1.getBytes(ISO_8859_1);
    }

    static String body(byte[] name) {
        return new String(GoQuote.quoteBody(name), UTF_8);
    }

    @Test
    void quotes_the_checked_restic_examples() {
        assertEquals("we\\\"ird\\\\\\\\na<me>&\\x01", body(raw("we\"ird\\\\na<me>&\u0001")));
        assertEquals("bad\\xff\\xfeutf8", body(raw("bad\u00ff\u00feutf8")));
    }

    @Test
    void quotes_control_bytes_like_go() {
        assertEquals("\\a\\b\\f\\n\\r\\t\\v\\x00\\x1f\\x7f", body(raw("\u0007\b\f\n\r\t\u000b\u0000\u001f\u007f")));
        assertEquals("a b~", body(raw("a b~")));
    }

    @Test
    void keeps_printable_runes_raw_and_escapes_the_others() {
        assertEquals("é€ü😀\ufffd", body("é€ü😀\ufffd".getBytes(UTF_8)));
        assertEquals("\\u00a0\\u00ad\\u200b\\u2028\\u2029\\ufeff\\ue000", body("\u00a0\u00ad\u200b\u2028\u2029\ufeff\ue000".getBytes(UTF_8)));
        assertEquals("\\U0010ffff\\U000e0001", body(new String(Character.toChars(0x10ffff)).concat(new String(Character.toChars(0xe0001))).getBytes(UTF_8)));
        assertEquals("\\u0378", body("\u0378".getBytes(UTF_8)), "unassigned in Unicode 13");
    }

    @Test
    void escapes_each_invalid_utf8_byte() {
        // truncated 3-byte sequence, encoded surrogate, overlong slash, lone continuation byte
        assertEquals("\\xe2\\x82x\\xed\\xa0\\x80\\xc0\\xaf\\x80", body(raw("\u00e2\u0082x\u00ed\u00a0\u0080\u00c0\u00af\u0080")));
    }

    @Test
    void quote_adds_the_surrounding_quotes() {
        assertEquals("\"a\\\"b\"", new String(GoQuote.quote(raw("a\"b")), UTF_8));
        assertArrayEquals(raw("a\"b"), GoQuote.unquote(GoQuote.quote(raw("a\"b"))));
    }

    @Test
    void unquotes_every_go_escape() {
        assertArrayEquals(raw("\u0007\b\f\n\r\t\u000b\\\"A\u00ffA"), GoQuote.unquoteBody(raw("\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\\x41\\xff\\101")));
        assertArrayEquals("é😀".getBytes(UTF_8), GoQuote.unquoteBody(raw("\\u00e9\\U0001F600")));
        assertArrayEquals(raw("\u00ff"), GoQuote.unquoteBody(raw("\\377")));
        assertArrayEquals(raw("a\tb\u0001"), GoQuote.unquoteBody(raw("a\tb\u0001")), "raw tabs and controls pass");
        assertArrayEquals(new byte[0], GoQuote.unquoteBody(new byte[0]));
    }

    @Test
    void unquote_turns_raw_invalid_utf8_into_replacement_characters() {
        assertArrayEquals("a\ufffdb".getBytes(UTF_8), GoQuote.unquoteBody(raw("a\u00ffb")));
    }

    @Test
    void unquote_rejects_what_go_rejects() {
        for (String bad : new String[] {"\\'", "a\nb", "\\q", "\\x4", "\\x4g", "\\400", "\\12", "\\18x", "\\ud800",
                "\\U00110000", "abc\\", "a\"b", "\\u12", "\\x\u0661\u0662"}) {
            assertThrows(IllegalArgumentException.class, () -> GoQuote.unquoteBody(bad.getBytes(UTF_8)), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> GoQuote.unquote(raw("abc")));
        assertThrows(IllegalArgumentException.class, () -> GoQuote.unquote(raw("\"")));
    }

    @Test
    void is_print_follows_go_categories() {
        assertTrue(GoQuote.isPrint(' '));
        assertTrue(GoQuote.isPrint('~'));
        assertTrue(GoQuote.isPrint(0xe9));
        assertTrue(GoQuote.isPrint(0x0301), "combining mark");
        assertTrue(GoQuote.isPrint(0x1f600), "emoji (So)");
        assertFalse(GoQuote.isPrint(0x7f));
        assertFalse(GoQuote.isPrint(0xa0), "no-break space (Zs)");
        assertFalse(GoQuote.isPrint(0x3000), "ideographic space (Zs)");
        assertFalse(GoQuote.isPrint(0x200b), "format (Cf)");
        assertFalse(GoQuote.isPrint(0xd800), "surrogate");
        assertFalse(GoQuote.isPrint(0xf0000), "private use");
    }

    @Property(tries = 2000)
    void unquote_inverts_quote(@ForAll @Size(max = 40) byte[] name) {
        assertArrayEquals(name, GoQuote.unquoteBody(GoQuote.quoteBody(name)));
    }

    @Property(tries = 1000)
    void unquote_inverts_quote_for_any_text(@ForAll String text) {
        byte[] name = GoUtf8.fromJava(text);
        assertArrayEquals(name, GoQuote.unquoteBody(GoQuote.quoteBody(name)));
    }

    @Property(tries = 2000)
    void quoted_names_are_valid_utf8_without_controls(@ForAll @Size(max = 40) byte[] name) {
        byte[] q = GoQuote.quoteBody(name);
        assertTrue(GoUtf8.isValid(q));
        for (byte b : q) {
            assertTrue((b & 0xff) >= 0x20 && b != 0x7f, "no raw control byte");
        }
    }
}
