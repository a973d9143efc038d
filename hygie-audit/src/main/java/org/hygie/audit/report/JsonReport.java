package org.hygie.audit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.result.AuditReport;
import org.hygie.audit.result.RuleResult;
import org.hygie.audit.result.SectionScore;

/**
 * The audit as JSON, field names in snake_case, stable and described in {@code docs/audit-json-schema.json}
 * ({@value #SCHEMA_VERSION} is its version).
 */
public final class JsonReport {
    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String render(AuditReport report) {
        try {
            return JSON.writeValueAsString(tree(report));
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the audit as JSON", e);
        }
    }

    public static ObjectNode tree(AuditReport r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema_version", SCHEMA_VERSION);
        root.put("language", r.language());
        root.put("os", r.os());
        root.put("host", r.host());
        root.put("started_at", r.startedAt().toString());
        root.put("duration_ms", r.durationMs());
        root.put("catalogue_version", r.catalogueVersion());
        root.put("support_data_date", r.supportDataDate());
        root.put("has_failures", r.hasFailures());
        root.set("overall", score(r.overall()));
        ArrayNode sections = root.putArray("sections");
        r.sections().forEach(s -> sections.add(score(s)));
        ArrayNode results = root.putArray("results");
        r.results().forEach(x -> results.add(result(x)));
        ArrayNode actions = root.putArray("actions");
        for (RuleResult a : r.actions()) {
            actions.addObject().put("rule", a.ruleId()).put("status", a.status().code())
                    .put("severity", a.severity().code()).put("title", a.title()).put("remediation", a.remediation());
        }
        root.set("facts", facts(r.facts()));
        return root;
    }

    private static ObjectNode score(SectionScore s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", s.section());
        n.put("title", s.title());
        if (s.score() == null) {
            n.putNull("score");
        } else {
            n.put("score", s.score());
        }
        n.put("coverage", s.coverage());
        n.putObject("counts").put("pass", s.pass()).put("warn", s.warn()).put("fail", s.fail())
                .put("unknown", s.unknown()).put("manual", s.manual()).put("not_applicable", s.notApplicable());
        return n;
    }

    private static ObjectNode result(RuleResult r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("rule", r.ruleId());
        n.put("section", r.section());
        n.put("guide_point", r.guidePoint());
        n.put("severity", r.severity().code());
        n.put("status", r.status().code());
        n.put("title", r.title());
        n.put("evidence", r.evidence());
        if (r.reason() == null) {
            n.putNull("reason");
        } else {
            n.put("reason", r.reason());
        }
        n.put("remediation", r.remediation());
        n.set("facts", facts(r.facts()));
        return n;
    }

    private static ArrayNode facts(List<Fact> facts) {
        ArrayNode list = JSON.createArrayNode();
        for (Fact f : facts) {
            ObjectNode n = list.addObject();
            n.put("id", f.id());
            n.set("value", JSON.valueToTree(f.value()));
            n.put("status", f.status().code());
            n.put("source", f.source());
            n.put("privileged", f.privileged());
            if (f.detail() == null) {
                n.putNull("detail");
            } else {
                n.put("detail", f.detail());
            }
        }
        return list;
    }
}
