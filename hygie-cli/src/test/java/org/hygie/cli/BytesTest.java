package org.hygie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class BytesTest {
    @Test
    void frenchUnitsWithADecimalComma() {
        assertEquals("0 o", Bytes.human(0, Locale.FRENCH));
        assertEquals("1023 o", Bytes.human(1023, Locale.FRENCH));
        assertEquals("1,0 Kio", Bytes.human(1024, Locale.FRENCH));
        assertEquals("2,9 Mio", Bytes.human(3_040_870, Locale.FRENCH));
        assertEquals("1,5 Gio", Bytes.human(3L << 29, Locale.FRENCH));
    }

    @Test
    void englishUnitsWithADecimalPoint() {
        assertEquals("0 B", Bytes.human(0, Locale.ENGLISH));
        assertEquals("1023 B", Bytes.human(1023, Locale.ENGLISH));
        assertEquals("2.9 MiB", Bytes.human(3_040_870, Locale.ENGLISH));
        assertEquals("2.0 TiB", Bytes.human(2L << 40, Locale.ENGLISH));
        assertEquals("2048.0 TiB", Bytes.human(2L << 50, Locale.ENGLISH), "no unit past TiB");
    }

    @Test
    void messagesUseTheirLanguage() {
        assertEquals("2,9 Mio", Messages.forLanguage("fr").bytes(3_040_870));
        assertEquals("2.9 MiB", Messages.forLanguage("en").bytes(3_040_870));
    }
}
