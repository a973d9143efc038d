package org.hygie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** French accents survive a process started without a locale (cron, systemd timer, LANG=C). */
class TerminalCharsetTest {
    @Test
    void plainAsciiBecomesUtf8OutsideWindows() {
        assertEquals(StandardCharsets.UTF_8, Terminal.outputCharset(StandardCharsets.US_ASCII, "Linux"));
        assertEquals(StandardCharsets.UTF_8, Terminal.outputCharset(StandardCharsets.US_ASCII, "Mac OS X"));
        assertEquals(StandardCharsets.US_ASCII, Terminal.outputCharset(StandardCharsets.US_ASCII, "Windows 11"));
        Charset latin1 = StandardCharsets.ISO_8859_1;
        assertEquals(latin1, Terminal.outputCharset(latin1, "Linux"), "a chosen locale is kept");
        assertEquals(StandardCharsets.UTF_8, Terminal.outputCharset(StandardCharsets.UTF_8, "Linux"));
    }
}
