package org.hygie.backup.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.Locale;
import org.hygie.backup.restore.RestoreResult.Problem;
import org.hygie.backup.restore.RestoreResult.Reason;
import org.junit.jupiter.api.Test;

/** Every reason a restore gives has its own sentence in French and in English; system errors are classified. */
class RestoreTextsTest {

    @Test
    void everyReasonIsSaidInBothLanguagesWithItsDetail() {
        for (Reason reason : Reason.values()) {
            Problem p = new Problem("docs/lettre.txt", reason, "DETAIL-42");
            String fr = RestoreTexts.reason(p, Locale.FRENCH);
            String en = RestoreTexts.reason(p, Locale.ENGLISH);
            assertFalse(fr.isBlank(), reason.name());
            assertNotEquals(fr, en, reason + " is not translated");
            assertFalse(fr.contains("{") || en.contains("{"), fr + " / " + en);
            assertEquals(fr.contains("DETAIL-42"), en.contains("DETAIL-42"), reason + ": " + fr + " / " + en);
            assertTrue(p.message().contains("DETAIL-42"), "the English message keeps the detail: " + p.message());
            assertEquals(en, RestoreTexts.reason(p, Locale.ENGLISH));
        }
    }

    @Test
    void anyOtherLanguageGetsFrench() {
        Problem p = new Problem("a", Reason.EXISTS, null);
        assertEquals(RestoreTexts.reason(p, Locale.FRENCH), RestoreTexts.reason(p, Locale.GERMAN));
        assertEquals(RestoreTexts.reason(p, Locale.FRENCH), RestoreTexts.reason(p, null));
        assertTrue(RestoreTexts.reason(p, Locale.FRENCH).startsWith("existe déjà"));
        assertEquals("already exists, left as it is (--overwrite to replace it)", p.message());
    }

    @Test
    void systemErrorsAreClassified() {
        assertEquals(Reason.ACCESS_DENIED, Problem.ofWrite("a", new AccessDeniedException("/t/a")).reason());
        assertEquals(Reason.DISK_FULL,
                Problem.ofWrite("a", new FileSystemException("/t/a", null, "No space left on device")).reason());
        assertEquals(Reason.DISK_FULL, Problem.ofWrite("a", new IOException("No space left on device")).reason());
        Problem other = Problem.ofWrite("a", new FileSystemException("/t/a", null, "Input/output error"));
        assertEquals(Reason.WRITE_FAILED, other.reason());
        assertTrue(RestoreTexts.reason(other, Locale.FRENCH).contains("Input/output error"));
    }
}
