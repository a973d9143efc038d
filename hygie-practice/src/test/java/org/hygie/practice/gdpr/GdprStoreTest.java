package org.hygie.practice.gdpr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.hygie.practice.TestClock;
import org.hygie.practice.text.Texts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gdpr.json: private, written whole, read back the same, and a damaged or invalid one refused and left alone. */
class GdprStoreTest {
    @TempDir
    Path dir;

    final TestClock clock = new TestClock(java.time.LocalDateTime.of(2026, 3, 2, 9, 30), ZoneId.of("Europe/Paris"));

    @Test
    void the_file_is_private_and_reads_back_as_written() throws Exception {
        Path state = dir.resolve("etat");
        GdprKeeper keeper = new GdprKeeper(state, clock);
        keeper.initRegister("fr");
        Breach b = keeper.declare(new BreachReport(clock.instant().minusSeconds(3600), "Ordinateur portable volé",
                "dossiers de 40 patients", "40 patients", "aucune : disque chiffré", "plainte, mot de passe changé"));
        keeper.decide(b.id(), Decision.notNotified(clock.instant(), "disque chiffré, clé non compromise"));
        Path file = state.resolve(GdprStore.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));
        assertFalse(Files.exists(state.resolve(GdprStore.FILE_NAME + ".tmp")), "no temporary file left");
        GdprFile back = new GdprStore(state).load();
        assertEquals(RegisterModel.entries("fr"), back.register());
        assertEquals(1, back.breaches().size());
        assertEquals("disque chiffré, clé non compromise", back.breaches().get(0).decision().reason());
        assertEquals(back, GdprJson.read(GdprJson.write(back), file));
    }

    @Test
    void a_missing_file_is_an_empty_gdpr_file() {
        assertEquals(GdprFile.empty(), new GdprStore(dir).load());
    }

    @Test
    void a_damaged_file_is_refused_with_a_clear_message_and_never_overwritten() throws Exception {
        Path file = dir.resolve(GdprStore.FILE_NAME);
        byte[] damaged = "{\"version\": 1,\n \"register\": [\n  {\"id\": \"dossier-patient\", \"name\": \"Doss"
                .getBytes(StandardCharsets.UTF_8);
        Files.write(file, damaged);
        GdprKeeper keeper = new GdprKeeper(dir, clock);
        GdprFileException e = assertThrows(GdprFileException.class, () -> keeper.initRegister("fr"));
        List<String> fr = e.render(Texts.of("fr"));
        assertTrue(fr.get(0).contains("est illisible ; il est laissé tel quel"), fr.get(0));
        assertTrue(fr.get(1).startsWith("le fichier n'est pas du JSON valide (ligne 3 : "), fr.get(1));
        assertThrows(GdprFileException.class, () -> keeper.declare(new BreachReport(clock.instant(), "x", "", "", "",
                "")));
        assertThrows(GdprFileException.class, () -> keeper.reviewRegister(List.of()));
        assertArrayEquals(damaged, Files.readAllBytes(file), "the damaged file is left as it was");
        List<String> en = e.render(Texts.of("en"));
        assertTrue(en.get(1).startsWith("the file is not valid JSON (line 3: "), en.get(1));
    }

    @Test
    void an_invalid_file_names_every_problem_with_its_place() throws Exception {
        Path file = dir.resolve(GdprStore.FILE_NAME);
        String text = """
                {"version": 1,
                 "register": [
                   {"id": "dossier-patient", "name": "Dossier médical", "purpose": "soins", "legal_basis": "9.2.h",
                    "data_subjects": ["patients"], "data_categories": ["santé"], "recipients": [], "retention": "20 ans",
                    "security_measures": [], "last_reviewed": "hier"},
                   {"id": "dossier-patient", "nom": "Rendez-vous", "purpose": "agenda", "legal_basis": "6.1.b",
                    "data_subjects": [], "data_categories": [], "recipients": [], "retention": "1 an",
                    "security_measures": [], "last_reviewed": null}
                 ],
                 "breaches": [
                   {"id": "2026-1", "discovered_at": "2026-03-01T10:00:00Z", "recorded_at": "2026-03-01T10:05:00Z",
                    "what_happened": "courriel au mauvais destinataire", "data_affected": "", "people_affected": "",
                    "consequences": "", "measures": "",
                    "decision": {"notified": false, "at": "2026-02-28T10:00:00Z", "reference": null, "reason": ""}}
                 ]}
                """;
        Files.writeString(file, text);
        GdprFileException e = assertThrows(GdprFileException.class, () -> new GdprStore(dir).load());
        List<String> fr = e.render(Texts.of("fr"));
        assertEquals(List.of(
                "Le dossier RGPD " + file + " est illisible ; il est laissé tel quel (rien n'est écrit par-dessus). "
                        + "Corrigez-le à la main ou remettez une copie saine :",
                "fiche 1 (dossier-patient) du registre : « hier » n'est pas une date ISO 8601 pour « last_reviewed »"
                        + " (par exemple 2026-03-02T09:30:00Z).",
                "fiche 2 (dossier-patient) du registre : clé inconnue « nom » (clés possibles : data_categories, "
                        + "data_subjects, id, last_reviewed, legal_basis, name, purpose, recipients, retention, "
                        + "security_measures).",
                "fiche 2 (dossier-patient) du registre : il manque « name ».",
                "violation 1 (2026-1) du registre des violations : la CNIL n'a pas été notifiée mais la raison manque "
                        + "(« reason »).",
                "violation 1 (2026-1) du registre des violations : la décision (" + local("2026-02-28T10:00:00Z")
                        + ") est antérieure à la découverte (" + local("2026-03-01T10:00:00Z") + ")."), fr);
        assertEquals(text, Files.readString(file));
    }

    @Test
    void a_duplicate_id_and_a_wrong_version_are_refused() throws Exception {
        Files.writeString(dir.resolve(GdprStore.FILE_NAME), new String(GdprJson.write(GdprFile.empty()
                .withRegister(List.of(RegisterModel.entries("fr").get(0), RegisterModel.entries("en").get(0)))),
                StandardCharsets.UTF_8).replace("\"version\" : 1", "\"version\" : 2"));
        GdprFileException e = assertThrows(GdprFileException.class, () -> new GdprStore(dir).load());
        List<String> en = e.render(Texts.of("en"));
        assertEquals("unknown version \"2\": this file must have \"version\": 1.", en.get(1));
        assertEquals("entry 2 (dossier-patient) of the register: the id \"dossier-patient\" is already used above.",
                en.get(2));
    }

    private static String local(String instant) {
        return java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.systemDefault())
                .format(Instant.parse(instant));
    }
}
