package org.hygie.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hygie gdpr} as the doctor and the helper type it, on a practice configuration: the register pre-filled,
 * read and approved; a breach declared by options, another by answering the questions; their 72-hour clocks in
 * French and English; decisions; the JSON read back with Jackson; a damaged file refused and left alone.
 */
class GdprCommandsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @TempDir
    Path tmp;
    Path config;
    Path gdprFile;

    @BeforeEach
    void setUp() throws Exception {
        config = TwoDiskPractice.config(tmp, TwoDiskPractice.password(tmp), "", "", tmp.resolve("media/A/hygie"),
                tmp.resolve("media/B/hygie"));
        gdprFile = tmp.resolve("gdpr.json");
    }

    private CliRunner.Run gdpr(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "gdpr";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--config";
        all[args.length + 2] = config.toString();
        return CliRunner.inProcess(all);
    }

    private CliRunner.Run withInput(String input, String... args) {
        InputStream before = System.in;
        try {
            System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            return gdpr(args);
        } finally {
            System.setIn(before);
        }
    }

    private static JsonNode json(CliRunner.Run r) throws Exception {
        return JSON.readTree(r.out());
    }

    @Test
    void the_register_is_prefilled_read_and_approved() throws Exception {
        CliRunner.Run empty = gdpr("status");
        assertEquals(ExitCode.PARTIAL, empty.exit(), empty.err());
        assertTrue(empty.out().contains("Registre des activités de traitement : vide"), empty.out());
        assertTrue(empty.out().contains("Conservation légale : une sauvegarde par an gardée 48 ans (48y)"), empty.out());

        CliRunner.Run init = gdpr("register", "init");
        assertEquals(0, init.exit(), init.err());
        assertTrue(init.out().contains("3 fiche(s) ajoutée(s) au registre (" + gdprFile + ") : dossier-patient, "
                + "rendez-vous, facturation."), init.out());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(gdprFile)));
        assertTrue(gdpr("register", "init").out().contains("rien n’a été ajouté"));

        CliRunner.Run list = gdpr("register", "list");
        assertTrue(list.out().contains("dossier-patient — Dossier médical des patients (pas encore relue et validée)"),
                list.out());
        assertTrue(list.out().contains("  Durée de conservation : 20 ans après la dernière consultation"), list.out());
        JsonNode entries = JSON.readTree(gdpr("register", "list", "--json").out());
        assertEquals(3, entries.size());
        assertTrue(entries.get(2).get("last_reviewed").isNull());
        assertEquals("Facturation et télétransmission", entries.get(2).get("name").asText());

        CliRunner.Run review = gdpr("register", "review");
        assertEquals(0, review.exit(), review.err());
        assertTrue(review.out().contains("Registre relu et validé le "), review.out());
        CliRunner.Run status = gdpr("status", "--json");
        assertEquals(0, status.exit(), status.out() + status.err());
        JsonNode s = json(status);
        assertEquals("in-order", s.get("verdict").asText());
        assertEquals(3, s.get("register").get("entries").asInt());
        assertEquals(0, s.get("register").get("review_age_days").asInt());
        assertEquals(48, s.get("legal_retention").get("years").asInt());
        assertEquals(0, s.get("todo").size());

        CliRunner.Run unknown = gdpr("register", "review", "comptabilite");
        assertEquals(ExitCode.USAGE, unknown.exit());
        assertTrue(unknown.err().contains("aucune fiche « comptabilite » dans le registre"), unknown.err());
    }

    @Test
    void breaches_run_their_72_hour_clock_until_decided() throws Exception {
        gdpr("register", "init");
        gdpr("register", "review");
        String tenHoursAgo = LocalDateTime.now().minusHours(10).format(TYPED);
        CliRunner.Run declared = gdpr("breach", "declare", "--discovered", tenHoursAgo, "--what",
                "Courriel avec un compte rendu envoyé au mauvais destinataire", "--people", "1 patient", "--json");
        assertEquals(0, declared.exit(), declared.err());
        JsonNode open = json(declared);
        String openId = open.get("id").asText();
        assertEquals("open", open.get("state").asText());
        assertEquals(61, open.get("hours_left").asInt());
        assertTrue(open.get("decision").isNull());

        // the second one through the questions, discovered 100 hours ago: already late
        String answers = String.join("\n", LocalDateTime.now().minusHours(100).format(TYPED),
                "Clé USB perdue", "courriers de 12 patients", "12 patients", "divulgation", "clé bloquée") + "\n";
        CliRunner.Run asked = withInput(answers, "breach", "declare");
        assertEquals(0, asked.exit(), asked.err());
        assertTrue(asked.out().contains("Que s’est-il passé ?"), asked.out());
        assertTrue(asked.out().contains("EN RETARD de 28 h"), asked.out());

        CliRunner.Run fr = gdpr("status");
        assertEquals(ExitCode.FAILED, fr.exit(), fr.out());
        assertTrue(fr.out().contains("URGENT : une violation de données attend une décision"), fr.out());
        assertTrue(fr.out().contains("en cours : plus que 61 h pour décider de notifier la CNIL"), fr.out());
        assertTrue(fr.out().contains("1. [URGENT] Violation "), fr.out());
        CliRunner.Run en = CliRunner.inProcess("--lang", "en", "gdpr", "status", "--config", config.toString());
        assertTrue(en.out().contains("open: 61 h left to decide whether to notify the CNIL"), en.out());
        assertTrue(en.out().contains("LATE by 28 h: the 72-hour deadline ran out"), en.out());
        JsonNode s = json(gdpr("status", "--json"));
        assertEquals("late", s.get("verdict").asText());
        assertEquals("breach-late", s.get("todo").get(0).get("code").asText());
        assertEquals("breach-open", s.get("todo").get(1).get("code").asText());
        String lateId = s.get("todo").get(0).get("text").asText().split(" ")[1];

        CliRunner.Run notified = gdpr("breach", "decide", lateId, "--notified", "--reference", "CNIL-2026-42");
        assertEquals(0, notified.exit(), notified.err());
        assertTrue(notified.out().contains("CNIL notifiée le "), notified.out());
        assertTrue(notified.out().contains("(notification n° CNIL-2026-42), 28 h après le délai de 72 heures"),
                notified.out());
        CliRunner.Run reasonAsked = withInput("les données n’ont pas quitté l’équipe de soins\n", "breach", "decide",
                openId, "--not-notified");
        assertEquals(0, reasonAsked.exit(), reasonAsked.err());
        assertTrue(reasonAsked.out().contains("non notifiée (décision du "), reasonAsked.out());

        CliRunner.Run again = gdpr("breach", "decide", openId, "--notified");
        assertEquals(ExitCode.USAGE, again.exit());
        assertTrue(again.err().contains("changement refusé, rien n’a été écrit : la décision sur la violation "
                + openId + " est déjà enregistrée"), again.err());
        CliRunner.Run neither = gdpr("breach", "decide", openId);
        assertEquals(ExitCode.USAGE, neither.exit());

        JsonNode log = json(gdpr("breach", "list", "--json"));
        assertEquals(2, log.size());
        assertEquals(openId, log.get(0).get("id").asText(), "newest discovery first");
        assertEquals("not-notified", log.get(0).get("state").asText());
        assertEquals("les données n’ont pas quitté l’équipe de soins", log.get(0).get("decision").get("reason").asText());
        assertEquals("notified", log.get(1).get("state").asText());
        assertTrue(log.get(1).get("past_deadline").asBoolean());
        CliRunner.Run list = gdpr("breach", "list");
        assertTrue(list.out().contains("  Personnes concernées : 12 patients"), list.out());
        assertEquals(0, gdpr("status").exit(), "everything decided, register fresh");
    }

    @Test
    void the_practice_status_shows_each_breach_clock_among_its_notices() throws Exception {
        String open = json(gdpr("breach", "declare", "--discovered", LocalDateTime.now().minusHours(10).format(TYPED),
                "--what", "Courriel envoyé au mauvais destinataire", "--json")).get("id").asText();
        String late = json(gdpr("breach", "declare", "--discovered", LocalDateTime.now().minusHours(100)
                .format(TYPED), "--what", "Clé USB perdue", "--json")).get("id").asText();

        CliRunner.Run fr = CliRunner.inProcess("status", "--config", config.toString());
        assertTrue(fr.out().contains("[URGENT] Violation de données " + late + " : le délai de 72 heures pour "
                + "notifier la CNIL est dépassé depuis 28 heures (découverte le "), fr.out());
        assertTrue(fr.out().contains("   → Notifiez la CNIL maintenant sur cnil.fr en donnant la raison du retard "
                + "(RGPD, article 33)"), fr.out());
        assertTrue(fr.out().contains("[URGENT] Violation de données " + open + " : il reste 61 heures pour décider "
                + "de la notifier à la CNIL ou non"), fr.out());
        assertTrue(fr.out().indexOf(late) < fr.out().indexOf(open), "the late one first: " + fr.out());
        CliRunner.Run en = CliRunner.inProcess("--lang", "en", "status", "--config", config.toString());
        assertTrue(en.out().contains("[URGENT] Personal-data breach " + open + ": 61 hours left to decide whether "
                + "to notify the CNIL"), en.out());

        JsonNode notices = json(CliRunner.inProcess("status", "--json", "--config", config.toString()))
                .get("notices");
        assertEquals("breach-late", notices.get(0).get("code").asText());
        assertEquals("urgent", notices.get(0).get("level").asText());
        assertEquals("gdpr", notices.get(0).get("topic").asText());
        assertTrue(notices.get(0).get("text").asText().startsWith("Violation de données " + late + " : "));
        assertEquals("breach-open", notices.get(1).get("code").asText());

        gdpr("breach", "decide", late, "--notified", "--reference", "CNIL-2026-7");
        gdpr("breach", "decide", open, "--not-notified", "--reason", "destinataire de l’équipe de soins");
        CliRunner.Run decided = CliRunner.inProcess("status", "--json", "--config", config.toString());
        for (JsonNode n : json(decided).get("notices")) {
            assertEquals("backup", n.get("topic").asText(), n.toString());
        }
    }

    @Test
    void a_damaged_file_is_named_and_left_alone() throws Exception {
        byte[] damaged = "{\"version\": 1, \"register\": [".getBytes(StandardCharsets.UTF_8);
        Files.write(gdprFile, damaged);
        CliRunner.Run status = gdpr("status");
        assertEquals(ExitCode.FAILED, status.exit());
        assertTrue(status.err().contains("Le dossier RGPD " + gdprFile + " est illisible ; il est laissé tel quel"),
                status.err());
        assertTrue(status.err().contains("le fichier n’est pas du JSON valide") || status.err().contains(
                "le fichier n'est pas du JSON valide"), status.err());
        CliRunner.Run init = CliRunner.inProcess("--lang", "en", "gdpr", "register", "init", "--config",
                config.toString());
        assertEquals(ExitCode.FAILED, init.exit());
        assertTrue(init.err().contains("cannot be read; it is left as it is"), init.err());
        assertArrayEquals(damaged, Files.readAllBytes(gdprFile));
    }

    @Test
    void help_in_both_languages_and_a_missing_configuration() {
        CliRunner.Run help = CliRunner.inProcess("gdpr", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("Dossier RGPD du cabinet") && help.out().contains("the practice's GDPR file"),
                help.out());
        assertTrue(help.out().contains("status") && help.out().contains("register") && help.out().contains("breach"));
        CliRunner.Run declare = CliRunner.inProcess("gdpr", "breach", "declare", "--help");
        assertTrue(declare.out().contains("--discovered=QUAND"), declare.out());
        CliRunner.Run none = CliRunner.inProcess("gdpr", "status", "--config", tmp.resolve("absent.yaml").toString());
        assertEquals(ExitCode.USAGE, none.exit());
        assertTrue(none.err().contains("absent.yaml"), none.err());
    }

    @Test
    void every_gdpr_message_is_in_both_languages_with_the_same_placeholders() throws Exception {
        java.util.Properties fr = new java.util.Properties();
        java.util.Properties en = new java.util.Properties();
        try (var f = new java.io.InputStreamReader(getClass().getResourceAsStream("/org/hygie/cli/messages_fr.properties"),
                StandardCharsets.UTF_8); var e = new java.io.InputStreamReader(getClass().getResourceAsStream(
                "/org/hygie/cli/messages_en.properties"), StandardCharsets.UTF_8)) {
            fr.load(f);
            en.load(e);
        }
        java.util.Set<String> keys = new java.util.TreeSet<>();
        fr.stringPropertyNames().stream().filter(k -> k.startsWith("gdpr.")).forEach(keys::add);
        java.util.Set<String> enKeys = new java.util.TreeSet<>();
        en.stringPropertyNames().stream().filter(k -> k.startsWith("gdpr.")).forEach(enKeys::add);
        assertEquals(keys, enKeys);
        Pattern placeholder = Pattern.compile("\\{(\\d)");
        for (String k : keys) {
            assertEquals(placeholders(placeholder, fr.getProperty(k)), placeholders(placeholder, en.getProperty(k)), k);
        }
    }

    private static java.util.Set<String> placeholders(Pattern p, String text) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        java.util.regex.Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
