package org.hygie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.hygie.backend.s3.S3ProxyServer;
import org.hygie.repository.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The practice commands as the helper and the doctor type them: run, status, drill, a bad configuration. */
class PracticeCommandsTest {
    @TempDir
    Path tmp;
    Path config;

    @BeforeEach
    void setUp() throws Exception {
        config = TwoDiskPractice.make(tmp);
    }

    @Test
    void runThenStatusThenDrill() throws Exception {
        CliRunner.Run run = CliRunner.inProcess("run", "--config", config.toString());
        assertEquals(ExitCode.FAILED, run.exit(), "no copy outside the practice yet: " + run.out() + run.err());
        assertTrue(run.out().contains("disque-A : présent"), run.out());
        assertTrue(run.out().contains("disque-B : absent"), run.out());
        assertTrue(run.out().contains("Sauvegarde de " + tmp.resolve("cabinet") + " sur disque-A : 2 fichiers"),
                run.out());
        assertTrue(run.out().contains("Exercice de restauration sur disque-A"), run.out());
        assertTrue(run.out().contains("Emportez chez vous l'un des disques"), run.out());

        CliRunner.Run status = CliRunner.inProcess("status", "--config", config.toString());
        System.out.println(status.out());
        assertEquals(ExitCode.FAILED, status.exit(), status.err());
        assertTrue(status.out().contains("Êtes-vous protégé ? NON"), status.out());
        assertTrue(status.out().contains("disque-A (disque en rotation) — branché depuis le"), status.out());
        assertTrue(status.out().contains("Copie hors du cabinet : AUCUNE."), status.out());

        CliRunner.Run js = CliRunner.inProcess("status", "--config", config.toString(), "--json");
        JsonNode j = Json.MAPPER.readTree(js.out());
        assertEquals("not-protected", j.get("verdict").asText());
        assertEquals("present", j.get("media").get(0).get("presence").asText());
        assertTrue(j.get("media").get(0).get("last_backup").isTextual());
        assertTrue(j.get("notices").findValuesAsText("code").contains("no-outside-copy"));

        CliRunner.Run drill = CliRunner.inProcess("drill", "--config", config.toString());
        assertEquals(ExitCode.OK, drill.exit(), drill.out() + drill.err());
        assertTrue(drill.out().contains("✓ " + tmp.resolve("cabinet/compte-rendu.txt")), drill.out());

        CliRunner.Run en = CliRunner.inProcess("status", "--config", config.toString(), "--lang", "en");
        assertTrue(en.out().contains("Are you protected? NO"), en.out());

        // the swap: disk A goes home, disk B comes in
        Files.move(tmp.resolve("media/A"), tmp.resolve("A-at-home"));
        Files.move(tmp.resolve("B-at-home"), tmp.resolve("media/B"));
        CliRunner.Run second = CliRunner.inProcess("run", "--config", config.toString());
        assertTrue(second.out().contains("disque-A : absent") && second.out().contains("disque-B : présent"),
                second.out());
        CliRunner.Run after = CliRunner.inProcess("status", "--config", config.toString());
        System.out.println(after.out());
        assertTrue(after.out().contains("disque-A (disque en rotation) — absent depuis le"), after.out());
        assertTrue(after.out().contains("(rangé : domicile du Dr)"), after.out());
        assertTrue(after.out().contains("(à jour)"), after.out());
        assertTrue(!after.out().contains("NON"), after.out());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(tmp.resolve("journal.db"))), "the journal is private");
    }

    @Test
    void aNoticeSaysItInFrenchAndKeepsTheTechnicalDetailApart() throws Exception {
        Files.delete(tmp.resolve("password"));
        CliRunner.Run run = CliRunner.inProcess("run", "--config", config.toString());
        assertEquals(ExitCode.FAILED, run.exit(), run.out() + run.err());
        String out = run.out();
        int sentence = out.indexOf("Aucune sauvegarde n'a pu être faite : le fichier du mot de passe "
                + tmp.resolve("password") + " est introuvable ou illisible.");
        int detail = out.indexOf("(détail technique : no such file)");
        assertTrue(sentence >= 0 && detail > sentence, out);
        CliRunner.Run en = CliRunner.inProcess("run", "--config", config.toString(), "--lang", "en");
        assertTrue(en.out().contains("is missing or cannot be read.") && en.out().contains("(technical detail: no such file)"),
                en.out());
    }

    @Test
    void aTypoInTheConfigurationIsNamedAndNothingRuns() throws Exception {
        Files.writeString(config, Files.readString(config).replace("password-file:", "pasword-file:"));
        CliRunner.Run run = CliRunner.inProcess("run", "--config", config.toString());
        assertEquals(ExitCode.USAGE, run.exit());
        assertTrue(run.err().contains("hygie.yaml, ligne 7 : réglage inconnu « pasword-file » : vouliez-vous dire "
                + "« password-file » ?"), run.err());
        assertTrue(Files.notExists(tmp.resolve("journal.db")), "nothing ran");
    }

    @Test
    void aCredentialsFileOthersCanReadRefusesTheStoreOnlyAndTheDisksAreBackedUp() throws Exception {
        try (S3ProxyServer server = new S3ProxyServer()) {
            Path credentials = tmp.resolve("cloud.credentials");
            Files.writeString(credentials, "AWS_ACCESS_KEY_ID=" + S3ProxyServer.ACCESS_KEY
                    + "\nAWS_SECRET_ACCESS_KEY=" + S3ProxyServer.SECRET_KEY + "\n");
            Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-r--r--"));
            Files.writeString(config, Files.readString(config).replace("password-file:", "  - name: cloud\n"
                    + "    repo: " + server.location("cabinet", "hygie") + "\n    offsite: true\n"
                    + "    credentials: cloud.credentials\npassword-file:"));
            String fileProblem = "le fichier des identifiants " + credentials + " est accessible à d'autres "
                    + "utilisateurs de l'ordinateur (droits rw-r--r--) alors qu'il contient des secrets : il est "
                    + "refusé. Rendez-le privé avec « chmod 600 " + credentials + " »";
            CliRunner.Run run = CliRunner.inProcess("run", "--config", config.toString());
            // the night goes on with the disks: a refused medium fails the night, as a wrong password does
            assertEquals(ExitCode.FAILED, run.exit(), run.out() + run.err());
            assertTrue(run.err().contains("hygie.yaml, ligne 10 : " + fileProblem), run.err());
            String out = run.out();
            assertTrue(out.contains("disque-A : présent"), out);
            assertTrue(out.contains("Sauvegarde de " + tmp.resolve("cabinet") + " sur disque-A : 2 fichiers"), out);
            assertTrue(out.contains("cloud : REFUSÉ, " + fileProblem), out);
            // what to fix, in the list of things to do
            assertTrue(out.contains("Le support cloud n'a pas été sauvegardé cette nuit : son fichier des "
                    + "identifiants ne peut pas servir, il a été refusé."), out);
            assertTrue(out.contains("→ L" + fileProblem.substring(1)), out);
            assertTrue(out.contains("Une fois ce fichier corrigé, la sauvegarde sur cloud reprendra dès la nuit "
                    + "suivante."), out);
            assertFalse(run.err().contains(S3ProxyServer.SECRET_KEY) || out.contains(S3ProxyServer.SECRET_KEY));
            try (java.util.stream.Stream<Path> s = Files.list(tmp.resolve("media/A/hygie/snapshots"))) {
                assertEquals(1, s.count(), "disk A backed up");
            }
            assertFalse(Files.exists(server.bucketDir("cabinet")), "nothing asked of the store");

            // hygie status tells it too
            CliRunner.Run status = CliRunner.inProcess("status", "--config", config.toString());
            assertEquals(ExitCode.FAILED, status.exit(), status.out() + status.err());
            assertTrue(status.out().contains("Le support cloud n'a pas été sauvegardé cette nuit"), status.out());
            assertTrue(status.out().contains("Rendez-le privé avec « chmod 600 " + credentials + " »"), status.out());
            CliRunner.Run js = CliRunner.inProcess("status", "--config", config.toString(), "--json");
            assertTrue(Json.MAPPER.readTree(js.out()).get("notices").findValuesAsText("code").contains("credentials"),
                    js.out());

            // a drill opens every medium: the store is refused with the same sentence, disk A is drilled
            CliRunner.Run drill = CliRunner.inProcess("drill", "--config", config.toString());
            assertEquals(ExitCode.OK, drill.exit(), drill.out() + drill.err());
            assertTrue(drill.out().contains("cloud : REFUSÉ, " + fileProblem), drill.out());
            assertTrue(drill.out().contains("✓ " + tmp.resolve("cabinet/compte-rendu.txt")), drill.out());

            // once private, the file is taken: nothing more is said about it, the store is asked (not prepared yet)
            Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));
            CliRunner.Run again = CliRunner.inProcess("run", "--config", config.toString());
            assertNotEquals(ExitCode.USAGE, again.exit(), again.err());
            assertFalse(again.err().contains("identifiants"), again.err());
            assertFalse(again.out().contains("REFUSÉ") || again.out().contains("chmod 600"), again.out());
            assertTrue(again.out().contains("cloud : branché mais pas encore préparé"), again.out());
        }
    }

    @Test
    void setupAtTheTerminalFedOnStandardInput() throws Exception {
        Path docs = tmp.resolve("cabinet");
        Files.createDirectories(tmp.resolve("usb/C"));
        Files.createDirectories(tmp.resolve("usb/D"));
        String answers = String.join("\n", "Cabinet du Dr Test", "", docs.toString(), "", "", "2", "7d", "",
                tmp.resolve("usb/C/hygie").toString(), "maison", "", tmp.resolve("usb/D/hygie").toString(), "", "n",
                "02:30", "n") + "\n";
        java.io.InputStream before = System.in;
        Path conf = tmp.resolve("nouveau/hygie.yaml");
        CliRunner.Run setup;
        try {
            System.setIn(new java.io.ByteArrayInputStream(answers.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            setup = CliRunner.inProcess("setup", "--config", conf.toString());
        } finally {
            System.setIn(before);
        }
        assertEquals(0, setup.exit(), setup.out() + setup.err());
        assertTrue(setup.out().contains("Nom du cabinet [Cabinet médical] : "), setup.out());
        assertTrue(setup.out().contains("Kit de restauration : " + tmp.resolve("nouveau/kit-de-restauration.html")),
                setup.out());
        assertTrue(Files.readString(conf).contains("practice: \"Cabinet du Dr Test\""));
        CliRunner.Run status = CliRunner.inProcess("status", "--config", conf.toString());
        assertTrue(status.out().contains("Dernier passage nocturne : jamais."), status.out());

        System.setIn(new java.io.ByteArrayInputStream("o\nCabinet\n".getBytes()));
        try {
            CliRunner.Run cut = CliRunner.inProcess("setup", "--config", conf.toString());
            assertEquals(ExitCode.FAILED, cut.exit());
            assertTrue(cut.err().contains("installation interrompue"), cut.err());
        } finally {
            System.setIn(before);
        }
        assertTrue(Files.readString(conf).contains("Cabinet du Dr Test"), "left unchanged");
    }

    @Test
    void aTaggedSnapshotBeforeAnUpdate() throws Exception {
        CliRunner.Run r = CliRunner.inProcess("backup", "--before-update", "--config", config.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("vous pouvez mettre à jour le logiciel"), r.out());
        CliRunner.Run snaps = CliRunner.inProcess("snapshots", "--json", "--repo",
                tmp.resolve("media/A/hygie").toString(), "--password-file", tmp.resolve("password").toString());
        JsonNode arr = Json.MAPPER.readTree(snaps.out());
        assertEquals(1, arr.size());
        assertEquals("avant-mise-a-jour", arr.get(0).get("tags").get(0).asText());

        Files.move(tmp.resolve("media/A"), tmp.resolve("A-at-home"));
        CliRunner.Run none = CliRunner.inProcess("backup", "--before-update", "--config", config.toString());
        assertEquals(ExitCode.FAILED, none.exit());
        assertTrue(none.err().contains("ne mettez pas à jour le logiciel maintenant"), none.err());
        CliRunner.Run noPath = CliRunner.inProcess("backup", "--repo", tmp.toString());
        assertEquals(ExitCode.USAGE, noPath.exit());
    }

    @Test
    void aMissingConfigurationSaysToRunSetup() {
        CliRunner.Run run = CliRunner.inProcess("status", "--config", tmp.resolve("nope.yaml").toString());
        assertEquals(ExitCode.USAGE, run.exit());
        assertTrue(run.err().contains("hygie setup"), run.err());
    }
}
