package org.hygie.backend.sftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Locations are read as restic 0.14 reads them (internal/backend/sftp/config.go). */
class SftpLocationTest {
    @Test
    void readsTheShortForm() {
        assertEquals(new SftpLocation("sauvegarde", "nas.cabinet.lan", 22, "/volume1/hygie"),
                SftpLocation.parse("sftp:sauvegarde@nas.cabinet.lan:/volume1/hygie", "moi"));
        assertEquals(new SftpLocation("moi", "nas", 22, "backups/hygie"),
                SftpLocation.parse("sftp:nas:backups/hygie/", "moi"));
        assertEquals(new SftpLocation("a@b", "nas", 22, "/x"), SftpLocation.parse("sftp:a@b@nas:/x/./y/..", "moi"));
    }

    @Test
    void readsTheUrlFormWithAPort() {
        assertEquals(new SftpLocation("sauvegarde", "nas", 2222, "/volume1/hygie"),
                SftpLocation.parse("sftp://sauvegarde@nas:2222//volume1/hygie", "moi"));
        assertEquals(new SftpLocation("moi", "nas", 22, "relative/dir"),
                SftpLocation.parse("sftp://nas/relative/dir", "moi"));
        assertEquals(new SftpLocation("u", "::1", 2222, "/r"), SftpLocation.parse("sftp://u@[::1]:2222//r", "moi"));
    }

    @Test
    void displaysInResticSyntax() {
        assertEquals("sftp:u@nas:/r", new SftpLocation("u", "nas", 22, "/r").display());
        assertEquals("sftp://u@nas:2222//r", new SftpLocation("u", "nas", 2222, "/r").display());
    }

    @Test
    void refusesWhatResticRefuses() {
        assertThrows(IllegalArgumentException.class, () -> SftpLocation.parse("sftp:nas", "moi"));
        assertThrows(IllegalArgumentException.class, () -> SftpLocation.parse("sftp:nas:~/backup", "moi"));
        assertThrows(IllegalArgumentException.class, () -> SftpLocation.parse("sftp://nas", "moi"));
        assertThrows(IllegalArgumentException.class, () -> SftpLocation.parse("sftp:u@:/x", "moi"));
        // a port no connection can use (it was an "unexpected error" when connecting)
        assertThrows(IllegalArgumentException.class, () -> SftpLocation.parse("sftp://u@nas:99999//x", "moi"));
    }
}
