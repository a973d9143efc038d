package org.hygie.practice.gdpr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.hygie.practice.TestClock;
import org.hygie.practice.text.Texts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The changes the commands make: the register pre-filled and approved, breaches declared and decided. */
class GdprKeeperTest {
    @TempDir
    Path dir;

    final TestClock clock = new TestClock(LocalDateTime.of(2026, 3, 2, 9, 30), ZoneId.of("Europe/Paris"));

    @Test
    void init_writes_the_model_once_and_keeps_what_the_practice_changed() throws Exception {
        GdprKeeper k = new GdprKeeper(dir, clock);
        List<Processing> added = k.initRegister("fr");
        assertEquals(List.of("dossier-patient", "rendez-vous", "facturation"), added.stream().map(Processing::id).toList());
        assertTrue(added.stream().allMatch(p -> p.lastReviewed() == null), "pre-filled, not reviewed");
        Path file = dir.resolve(GdprStore.FILE_NAME);
        Files.writeString(file, Files.readString(file).replace("\"Gestion des rendez-vous\"", "\"Agenda en ligne\""));
        assertEquals(List.of(), k.initRegister("fr"), "nothing added twice");
        assertEquals("Agenda en ligne", k.store().load().entry("rendez-vous").orElseThrow().name());
    }

    @Test
    void review_marks_all_entries_or_the_ones_named_and_refuses_an_unknown_one() {
        GdprKeeper k = new GdprKeeper(dir, clock);
        GdprRefused empty = assertThrows(GdprRefused.class, () -> k.reviewRegister(List.of()));
        assertEquals("le registre est vide : créez-le d'abord avec « hygie gdpr register init ».",
                empty.text(Texts.of("fr")));
        k.initRegister("en");
        assertEquals(1, k.reviewRegister(List.of("facturation")).size());
        assertTrue(k.store().load().registerReviewed().isEmpty(), "two entries still unread");
        clock.advance(Duration.ofDays(2));
        assertEquals(3, k.reviewRegister(List.of()).size());
        assertEquals(clock.instant(), k.store().load().registerReviewed().orElseThrow());
        GdprRefused unknown = assertThrows(GdprRefused.class, () -> k.reviewRegister(List.of("compta")));
        assertEquals("no entry \"compta\" in the register (entries: dossier-patient, rendez-vous, facturation).",
                unknown.text(Texts.of("en")));
    }

    @Test
    void breaches_get_ids_by_year_and_are_decided_once() {
        GdprKeeper k = new GdprKeeper(dir, clock);
        Breach first = k.declare(new BreachReport(clock.instant().minus(Duration.ofHours(5)), "Courriel envoyé au "
                + "mauvais destinataire", "un compte rendu", "1 patient", "divulgation d'une donnée de santé",
                "destinataire prié de supprimer"));
        Breach second = k.declare(new BreachReport(clock.instant(), "Rançongiciel", "", "", "", ""));
        assertEquals("2026-1", first.id());
        assertEquals("2026-2", second.id());
        assertEquals(clock.instant(), first.recordedAt());
        assertNull(first.decision());
        Breach decided = k.decide("2026-1", Decision.notifiedAt(clock.instant(), " CNIL-2026-0042 "));
        assertEquals("CNIL-2026-0042", decided.decision().reference());
        assertEquals(decided, k.store().load().breach("2026-1").orElseThrow());
        Texts fr = Texts.of("fr");
        assertTrue(assertThrows(GdprRefused.class, () -> k.decide("2026-1", Decision.notNotified(clock.instant(),
                "rien"))).text(fr).startsWith("la décision sur la violation 2026-1 est déjà enregistrée"));
        assertEquals("indiquez pourquoi la CNIL n'est pas notifiée (par exemple : données chiffrées, aucun risque "
                + "pour les patients).", assertThrows(GdprRefused.class, () -> k.decide("2026-2",
                Decision.notNotified(clock.instant(), " "))).text(fr));
        assertEquals("aucune violation « 2025-9 » dans le registre des violations (violations : 2026-1, 2026-2).",
                assertThrows(GdprRefused.class, () -> k.decide("2025-9", Decision.notifiedAt(clock.instant(), null)))
                        .text(fr));
        assertEquals("decided-before-discovery", assertThrows(GdprRefused.class, () -> k.decide("2026-2",
                Decision.notifiedAt(clock.instant().minusSeconds(60), null))).code());
        assertEquals("decided-in-future", assertThrows(GdprRefused.class, () -> k.decide("2026-2",
                Decision.notifiedAt(clock.instant().plusSeconds(3600), null))).code());
        assertEquals("discovered-in-future", assertThrows(GdprRefused.class, () -> k.declare(new BreachReport(
                clock.instant().plusSeconds(3600), "plus tard", "", "", "", ""))).code());
        assertEquals("what-missing", assertThrows(GdprRefused.class, () -> k.declare(new BreachReport(
                clock.instant(), "  ", "", "", "", ""))).code());
        assertEquals(2, k.store().load().breaches().size(), "refusals wrote nothing");
    }

    @Test
    void times_are_read_as_people_type_them() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        java.time.Instant expected = LocalDateTime.of(2026, 3, 2, 14, 30).atZone(paris).toInstant();
        for (String t : List.of("2026-03-02 14:30", "2026-03-02T14:30", "02/03/2026 14:30", "02/03/2026 à 14:30",
                "2026-03-02T13:30:00Z", "2026-03-02T14:30:00+01:00")) {
            assertEquals(expected, GdprTimes.parse(t, paris), t);
        }
        assertEquals(LocalDateTime.of(2026, 3, 2, 0, 0).atZone(paris).toInstant(), GdprTimes.parse("02/03/2026", paris));
        for (String bad : List.of("hier", "31/02/2026 10:00", "2026-03-02 25:00", "")) {
            assertEquals("bad-time", assertThrows(GdprRefused.class, () -> GdprTimes.parse(bad, paris)).code(), bad);
        }
    }
}
