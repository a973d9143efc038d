package org.hygie.audit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hygie.audit.TestRecordings;
import org.hygie.audit.backup.BackupStatusSource;
import org.hygie.audit.result.AuditReport;
import org.hygie.audit.rule.Rule;
import org.hygie.audit.rule.RuleCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonReportSchemaTest {
    static final Path SCHEMA = Path.of("..", "docs", "audit-json-schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path state;

    static List<String> recordings() {
        return TestRecordings.ALL;
    }

    private static MiniSchemaValidator validator() throws IOException {
        return new MiniSchemaValidator(JSON.readTree(SCHEMA.toFile()));
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void every_recorded_audit_matches_the_documented_schema(String recording) throws IOException {
        for (String lang : new String[] {"fr", "en"}) {
            AuditReport report = TestRecordings.audit(recording, lang, state, BackupStatusSource.none());
            JsonNode doc = JSON.readTree(JsonReport.render(report));
            assertEquals(List.of(), validator().validate(doc), recording + " " + lang);
        }
    }

    @Test
    void the_schema_check_rejects_what_the_schema_forbids() throws IOException {
        AuditReport report = TestRecordings.audit("linux/ubuntu-24.04-gnome", "fr", state, BackupStatusSource.none());
        ObjectNode doc = (ObjectNode) JSON.readTree(JsonReport.render(report));
        ((ObjectNode) doc.get("results").get(0)).put("status", "ok");
        doc.remove("facts");
        doc.put("extra", 1);
        List<String> errors = validator().validate(doc);
        assertTrue(errors.stream().anyMatch(e -> e.contains("results[0].status")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("missing facts")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("unexpected field extra")), errors.toString());
    }

    @Test
    void the_schema_lists_exactly_the_catalogue_rule_ids() throws IOException {
        Set<String> inSchema = new HashSet<>();
        JSON.readTree(SCHEMA.toFile()).at("/$defs/rule_id/enum").forEach(n -> inSchema.add(n.asText()));
        Set<String> inCatalogue = new HashSet<>(RuleCatalog.builtIn().rules().stream().map(Rule::id).toList());
        assertEquals(inCatalogue, inSchema);
        assertFalse(inSchema.isEmpty());
    }

    @Test
    void the_json_has_one_result_per_rule_and_says_whether_something_fails() throws IOException {
        AuditReport report = TestRecordings.audit("macos/14-sonoma", "en", state, BackupStatusSource.none());
        Path out = Files.writeString(state.resolve("a.json"), JsonReport.render(report));
        JsonNode doc = JSON.readTree(out.toFile());
        assertEquals(RuleCatalog.builtIn().rules().size(), doc.get("results").size());
        boolean anyFail = false;
        for (JsonNode r : doc.get("results")) {
            anyFail |= r.get("status").asText().equals("fail");
        }
        assertEquals(anyFail, doc.get("has_failures").asBoolean());
    }
}
