package org.hygie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hygie audit} as a user runs it, on this machine. */
class AuditCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new HygieCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
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
