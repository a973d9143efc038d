package org.hygie.audit.attest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttestationStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-15T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void an_attestation_is_kept_with_who_and_when_in_a_file_only_its_owner_reads() throws Exception {
        AttestationStore store = new AttestationStore(dir.resolve("hygie"));
        Attestation a = store.attest("usb-dedicated", "  Dr Exemple ", Clock.fixed(T0, ZoneOffset.UTC));
        assertEquals("Dr Exemple", a.by());
        assertEquals(T0, a.attestedAt());
        assertEquals(a, new AttestationStore(dir.resolve("hygie")).find("usb-dedicated").orElseThrow());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));
    }

    @Test
    void it_expires_after_a_year_and_a_new_one_replaces_it() {
        AttestationStore store = new AttestationStore(dir);
        Attestation a = store.attest("physical-security", "Dr A", Clock.fixed(T0, ZoneOffset.UTC));
        assertTrue(a.validAt(T0.plus(Duration.ofDays(364))));
        assertFalse(a.validAt(T0.plus(Duration.ofDays(365))));
        Instant later = T0.plus(Duration.ofDays(400));
        store.attest("physical-security", "Dr B", Clock.fixed(later, ZoneOffset.UTC));
        Attestation now = store.find("physical-security").orElseThrow();
        assertEquals("Dr B", now.by());
        assertTrue(now.validAt(later.plus(Duration.ofDays(1))));
        assertEquals(1, store.load().size());
    }

    @Test
    void nobody_attests_anonymously() {
        AttestationStore store = new AttestationStore(dir);
        assertThrows(IllegalArgumentException.class, () -> store.attest("disposal-wipe", " ", Clock.systemUTC()));
    }

    @Test
    void a_damaged_file_is_reported_not_ignored() throws Exception {
        Files.writeString(dir.resolve("attestations.json"), "{not json");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new AttestationStore(dir).load());
        assertTrue(e.getMessage().contains("attestations.json"), e.getMessage());
    }
}
