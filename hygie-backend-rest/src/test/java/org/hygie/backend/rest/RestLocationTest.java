package org.hygie.backend.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.hygie.repository.backend.Locations;
import org.junit.jupiter.api.Test;

class RestLocationTest {
    @Test
    void readsResticForms() {
        RestLocation plain = RestLocation.parse("rest:http://nas:8000/");
        assertEquals(URI.create("http://nas:8000/"), plain.base());
        assertNull(plain.user());
        assertEquals(URI.create("http://nas:8000/"), RestLocation.parse("rest:http://nas:8000").base());
        assertEquals(URI.create("http://nas:8000/cabinet/"), RestLocation.parse("rest:http://nas:8000/cabinet").base());

        RestLocation auth = RestLocation.parse("rest:https://dr%20x:p%40ss:w@backup.example:443/dr-x/");
        assertEquals(URI.create("https://backup.example:443/dr-x/"), auth.base());
        assertEquals("dr x", auth.user());
        assertEquals("p@ss:w", auth.password());
        assertEquals(URI.create("https://backup.example:443/dr-x/data/ab"), auth.resolve("data/ab"));
    }

    @Test
    void neverShowsThePassword() {
        RestLocation auth = RestLocation.parse("rest:https://dr:secret@backup.example/dr/");
        assertEquals("rest:https://dr:***@backup.example/dr/", auth.display());
        assertFalse(auth.toString().contains("secret"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RestLocation.parse("rest:https://dr:secret@/x y"));
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    /** A program opening a malformed address gets the mistake at once, not six retries and an I/O error. */
    @Test
    void openingAMalformedAddressIsAMistakeNotAStorageOutOfReach() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Locations.open("rest:http://dr:secret@127.0.0.1:99999/x"));
        assertTrue(e.getMessage().contains("port 99999 out of range"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void refusesOtherSchemes() {
        assertThrows(IllegalArgumentException.class, () -> RestLocation.parse("rest:ftp://nas/"));
        assertThrows(IllegalArgumentException.class, () -> RestLocation.parse("rest:nas:8000"));
    }

    /** A port no connection can use is a mistake in the address, not a server out of reach (was 6 retries). */
    @Test
    void refusesAPortOutOfRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RestLocation.parse("rest:http://127.0.0.1:99999/cabinet"));
        assertTrue(e.getMessage().contains("port 99999 out of range"),
                e.getMessage());
    }
}
