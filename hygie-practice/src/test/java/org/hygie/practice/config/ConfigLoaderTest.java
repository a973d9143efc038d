package org.hygie.practice.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import org.hygie.practice.text.Texts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path tmp;
    Path docs;
    Path logiciel;
    Path pw;

    @BeforeEach
    void setUp() throws Exception {
        docs = Files.createDirectories(tmp.resolve("Documents"));
        logiciel = Files.createDirectories(tmp.resolve("logiciel-metier"));
        pw = Files.writeString(tmp.resolve("password"), "secret\n");
    }

    /** The example of DESIGN.md §9, with this test's folders. */
    private String design() {
        return """
                practice: Cabinet du Dr Exemple
                sources:
                  - path: %s
                    exclude: ["*.tmp", "~$*"]
                  - path: %s
                    before: "dump-db.sh"            # a command run first (e.g. a database dump)
                media:
                  - name: disque-A                  # two external disks swapped every week
                    repo: /media/disque-A/hygie
                    rotation: 7d
                  - name: disque-B
                    repo: /media/disque-B/hygie
                    rotation: 7d
                  - name: cloud                     # offsite, S3-compatible health-data host
                    repo: s3:https://s3.example.org/cabinet-exemple
                    offsite: true
                schedule: "02:30"
                retention: {daily: 14, weekly: 8, monthly: 24, yearly-within: 48y}
                verify: {read-all-within: 4w, drill-every: 30d}
                password-file: %s
                notify: {smtp: "smtp://mail.example.org:587", to: "dr.exemple@example.org"}
                """.formatted(docs, logiciel, pw);
    }

    private ConfigLoader.Loaded load(String yaml) {
        return ConfigLoader.parse(yaml, tmp.resolve("hygie.yaml"), tmp);
    }

    private List<String> errors(String yaml, String lang) {
        ConfigException e = assertThrows(ConfigException.class, () -> load(yaml));
        return e.render(Texts.of(lang));
    }

    @Test
    void theDesignExampleLoads() {
        ConfigLoader.Loaded l = load(design());
        PracticeConfig c = l.config();
        assertTrue(l.warnings().isEmpty(), l.warnings().toString());
        assertEquals("Cabinet du Dr Exemple", c.practice());
        assertEquals(2, c.sources().size());
        assertEquals(List.of("*.tmp", "~$*"), c.sources().get(0).exclude());
        assertEquals("dump-db.sh", c.sources().get(1).before());
        assertEquals(3, c.media().size());
        assertEquals(Span.ofDays(7), c.media().get(0).rotation());
        assertTrue(c.media().get(2).offsite());
        assertFalse(c.media().get(2).local());
        assertTrue(c.media().get(0).local());
        assertEquals(LocalTime.of(2, 30), c.schedule());
        assertEquals(new Retention(14, 8, 24, Span.ofYears(48)), c.retention());
        assertEquals(Span.ofDays(28), c.verify().readAllWithin());
        assertEquals("mail.example.org", c.alerts().smtp().getHost());
        assertEquals(List.of("dr.exemple@example.org"), c.alerts().to());
        assertEquals(tmp, c.stateDir(), "a configuration outside the default place keeps its journal beside it");
    }

    @Test
    void defaultsWhenOmitted() {
        String yaml = """
                practice: Cabinet
                sources: [%s]
                media:
                  - {name: a, repo: disque-a, rotation: 1w}
                  - {name: b, repo: disque-b, rotation: 1w}
                password-file: %s
                """.formatted(docs, pw);
        PracticeConfig c = load(yaml).config();
        assertEquals(Retention.defaults(), c.retention());
        assertEquals(Span.ofYears(48), c.retention().yearlyWithin());
        assertEquals(Verify.defaults(), c.verify());
        assertNull(c.alerts());
        assertEquals(tmp.resolve("disque-a").toString(), c.media().get(0).repo(), "relative to the config file");
    }

    @Test
    void aTypoIsNamedWithItsLineAndTheNearestKey() {
        String yaml = design().replace("    exclude: [\"*.tmp\"", "    exlude: [\"*.tmp\"");
        List<String> fr = errors(yaml, "fr");
        assertEquals(1, fr.size(), fr.toString());
        assertEquals("hygie.yaml, ligne 4 : réglage inconnu « sources.exlude » : vouliez-vous dire « exclude » ?",
                fr.get(0));
        List<String> en = errors(yaml, "en");
        assertEquals("hygie.yaml, line 4: unknown setting \"sources.exlude\": did you mean \"exclude\"?", en.get(0));
    }

    @Test
    void typosAtTheTopAndInMediaAndSwappedLetters() {
        String yaml = design().replace("retention:", "retnetion:").replace("    rotation: 7d\n  - name: disque-B",
                "    rotaton: 7d\n  - name: disque-B");
        List<String> fr = errors(yaml, "fr");
        assertEquals(2, fr.size(), fr.toString());
        assertTrue(fr.get(0).contains("ligne 10") && fr.get(0).contains("« rotation »"), fr.get(0));
        assertTrue(fr.get(1).contains("ligne 18") && fr.get(1).contains("« retention »"), fr.get(1));
    }

    @Test
    void anUnrelatedKeyListsTheAllowedOnes() {
        List<String> fr = errors(design() + "couleur: bleu\n", "fr");
        assertTrue(fr.get(0).contains("réglage inconnu « couleur »") && fr.get(0).contains("practice, language"),
                fr.get(0));
    }

    @Test
    void badDurationAndTimeSayHowToWriteThem() {
        String yaml = design().replace("rotation: 7d\n  - name: disque-B", "rotation: 7 jours\n  - name: disque-B")
                .replace("\"02:30\"", "\"25:70\"");
        List<String> fr = errors(yaml, "fr");
        assertEquals(2, fr.size(), fr.toString());
        assertTrue(fr.get(0).contains("ligne 10") && fr.get(0).contains("durée « 7 jours » invalide")
                && fr.get(0).contains("7d"), fr.get(0));
        assertTrue(fr.get(1).contains("ligne 17") && fr.get(1).contains("\"02:30\""), fr.get(1));
    }

    @Test
    void anUnquotedTimeIsStillUnderstood() {
        PracticeConfig c = load(design().replace("\"02:30\"", "02:30")).config();
        assertEquals(LocalTime.of(2, 30), c.schedule());
        assertEquals(LocalTime.of(21, 5), load(design().replace("\"02:30\"", "21h05")).config().schedule());
    }

    @Test
    void aMissingFolderIsAWarningNotAnError() throws Exception {
        Files.delete(logiciel);
        ConfigLoader.Loaded l = load(design());
        assertEquals(1, l.warnings().size());
        String fr = l.warnings().get(0).render(Texts.of("fr"), tmp.resolve("hygie.yaml"));
        assertTrue(fr.startsWith("hygie.yaml, ligne 5 : le dossier à sauvegarder " + logiciel + " n'existe pas"), fr);
        assertEquals(2, l.config().sources().size(), "kept: the disk holding it may come back");
    }

    @Test
    void missingRequiredSettingsAndDuplicates() {
        String yaml = """
                sources:
                  - exclude: ["*.tmp"]
                media:
                  - {name: a, repo: /x, rotation: 7d}
                  - {name: a, repo: /y, rotation: 7d}
                """;
        List<String> fr = errors(yaml, "fr");
        assertTrue(fr.stream().anyMatch(s -> s.contains("il manque le réglage « practice »")), fr.toString());
        assertTrue(fr.stream().anyMatch(s -> s.contains("ligne 2") && s.contains("« path »")), fr.toString());
        assertTrue(fr.stream().anyMatch(s -> s.contains("ligne 5") && s.contains("deux supports portent le nom « a »")),
                fr.toString());
    }

    @Test
    void theMediaPlanIsCheckedAgainstTheGuide() {
        String yaml = """
                practice: Cabinet
                sources: [%s]
                media:
                  - {name: nas, repo: /mnt/nas/hygie}
                password-file: %s
                """.formatted(docs, pw);
        List<String> fr = load(yaml).warnings().stream().map(w -> w.render(Texts.of("fr"), null)).toList();
        assertTrue(fr.stream().anyMatch(s -> s.contains("un seul support")), fr.toString());
        assertTrue(fr.stream().anyMatch(s -> s.contains("aucun support n'est gardé hors du cabinet")), fr.toString());
    }

    @Test
    void aShortLegalDurationIsWarned() {
        ConfigLoader.Loaded l = load(design().replace("yearly-within: 48y", "yearly-within: 5y"));
        assertEquals("short-legal", l.warnings().get(0).code());
    }

    @Test
    void notYamlSaysWhere() {
        List<String> fr = errors("practice: Cabinet\nsources:\n  - path: [\n", "fr");
        assertTrue(fr.get(0).startsWith("hygie.yaml, ligne ") && fr.get(0).contains("YAML valide"), fr.get(0));
    }

    @Test
    void badMailSettings() {
        List<String> fr = errors(design().replace("smtp://mail.example.org:587", "http://mail")
                .replace("dr.exemple@example.org", "docteur"), "fr");
        assertTrue(fr.stream().anyMatch(s -> s.contains("smtp://serveur:587")), fr.toString());
        assertTrue(fr.stream().anyMatch(s -> s.contains("« docteur » invalide")), fr.toString());
    }

    @Test
    void spans() {
        assertEquals(Span.ofDays(28), Span.parse("4w"));
        assertEquals(new Span(1, 6, 0, 0), Span.parse("1y6m"));
        assertEquals("48y", Span.parse("48y").toString());
        assertThrows(IllegalArgumentException.class, () -> Span.parse("7"));
        assertThrows(IllegalArgumentException.class, () -> Span.parse("0d"));
        assertThrows(IllegalArgumentException.class, () -> Span.parse("7 d"));
        assertEquals(1, Suggest.distance("exlude", "exclude"));
        assertEquals(1, Suggest.distance("retnetion", "retention"));
        assertEquals("rotation", Suggest.nearest("rotaton", ConfigLoader.MEDIUM));
        assertNull(Suggest.nearest("couleur", ConfigLoader.TOP));
    }
}
