package org.hygie.practice.journal;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.sqlite.NativeLibraryNotFoundException;

/**
 * Where sqlite-jdbc could not load its native code (a temporary folder mounted noexec), the journal says that a part
 * of the program is missing, not that its file is damaged. The failure as sqlite-jdbc 3.54 throws it: "Error opening
 * connection" caused by its NativeLibraryNotFoundException (seen with java.io.tmpdir set to a folder that does not
 * exist); the launcher-test runs the whole path through the jar.
 */
class JournalNativeCodeTest {
    @Test
    void sqlitesMissingNativeCodeIsToldApartFromAJournalThatCannotBeOpened() {
        NativeLibraryNotFoundException missing = new NativeLibraryNotFoundException(
                "No native library found for os.name=Linux, os.arch=x86_64");
        SQLException opening = new SQLException("Error opening connection", missing);
        assertSame(missing, Journal.nativeCodeFailure(opening));

        UnsatisfiedLinkError unmappable = new UnsatisfiedLinkError("failed to map segment from shared object");
        assertSame(unmappable, Journal.nativeCodeFailure(new SQLException("Error opening connection", unmappable)));

        assertNull(Journal.nativeCodeFailure(new SQLException("[SQLITE_CANTOPEN] unable to open database file")));
    }
}
