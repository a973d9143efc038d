package org.hygie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hygie audit} as a user runs it, on this machine. */
class AuditCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    /** As the command line runs it (HygieCommand.run), output captured. */
    private static Run run(String... args) {
        CliRunner.Run r = CliRunner.inProcess(args);
        return new Run(r.exit(), r.out(), r.err());
    }

    @Test
    void json_output_and_exit_code_agree() throws Exception {
        Run r = run("audit", "--json", "--state-dir", dir.toString(), "--html", dir.resolve("r.html").toString());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(doc.get("has_failures").asBoolean() ? 2 : 0, r.code());
        assertEquals("fr", doc.get("language").asText());
        assertTrue(Files.readString(dir.resolve("r.html")).contains("<h1>Audit du poste"));
    }

    @Test
    void text_output_in_english_and_attestations() throws Exception {
        Run attest = run("audit", "attest", "physical-security", "--by", "Dr Test", "--state-dir", dir.toString(), "--lang", "en");
        assertEquals(0, attest.code(), attest.err());
        assertTrue(attest.out().contains("Dr Test"), attest.out());
        Path file = dir.resolve("attestations.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Run text = run("audit", "--lang", "en", "--state-dir", dir.toString());
        assertTrue(text.out().startsWith("Audit of workstation"), text.out());
        assertTrue(text.out().contains("To do, most urgent first:"), text.out());
        assertTrue(text.out().contains("[OK] Computer secured against theft"), text.out());
    }

    private static String status(JsonNode doc, String rule) {
        for (JsonNode r : doc.get("results")) {
            if (r.get("rule").asText().equals(rule)) {
                return r.get("status").asText();
            }
        }
        throw new AssertionError("no rule " + rule);
    }

    @Test
    void the_practice_set_up_here_tells_the_backup_and_gdpr_points() throws Exception {
        CliRunner.Run alone = CliRunner.inProcess("audit", "--json", "--state-dir", dir.toString(),
                "--config", dir.resolve("absent.yaml").toString());
        assertEquals(ExitCode.USAGE, alone.exit(), "a --config that does not exist is an error: " + alone.err());

        Path config = TwoDiskPractice.config(dir, TwoDiskPractice.password(dir), "",
                "state-dir: " + dir.resolve("state") + "\n", dir.resolve("A/hygie"));
        CliRunner.Run withPractice = CliRunner.inProcess("audit", "--json", "--state-dir", dir.toString(),
                "--config", config.toString());
        JsonNode doc = new ObjectMapper().readTree(withPractice.out());
        assertEquals("fail", status(doc, "gdpr-register"), "the practice keeps no register yet");
        assertEquals("pass", status(doc, "gdpr-retention"), "48 years by default");
        assertEquals("fail", status(doc, "backup-recent"), "the practice never backed up");

        Files.createDirectories(dir.resolve("state"));
        Files.writeString(dir.resolve("state/gdpr.json"), "{ pas du json");
        CliRunner.Run damaged = CliRunner.inProcess("audit", "--json", "--state-dir", dir.toString(),
                "--config", config.toString());
        assertEquals("unknown", status(new ObjectMapper().readTree(damaged.out()), "gdpr-register"),
                "a damaged GDPR file is said, not judged");
    }

    @Test
    void only_manual_points_can_be_attested() {
        Run auto = run("audit", "attest", "firewall", "--by", "X", "--state-dir", dir.toString(), "--lang", "fr");
        assertEquals(1, auto.code());
        assertTrue(auto.err().contains("vérifié automatiquement"), auto.err());
        Run unknown = run("audit", "attest", "nope", "--by", "X", "--state-dir", dir.toString(), "--lang", "en");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("physical-security"), unknown.err());
        assertTrue(!Files.exists(dir.resolve("attestations.json")));
    }
}
