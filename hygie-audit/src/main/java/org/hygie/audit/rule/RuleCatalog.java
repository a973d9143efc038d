package org.hygie.audit.rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hygie.audit.result.Severity;
import org.hygie.audit.result.Status;

/**
 * The rule catalogue, read from {@code org/hygie/audit/rule/catalogue.json} and checked as it is read: every
 * rule has a known section, both languages for every text, known threshold names, evidence keys that exist,
 * and no id is used twice. A catalogue that breaks one of these is refused with the place named.
 */
public final class RuleCatalog {
    public static final String RESOURCE = "/org/hygie/audit/rule/catalogue.json";
    private static final Set<String> OS_KEYS = Set.of("default", "linux", "windows", "macos");
    private final String version;
    private final List<Section> sections;
    private final List<Rule> rules;
    private final Map<String, Texts> reasons;

    private RuleCatalog(String version, List<Section> sections, List<Rule> rules, Map<String, Texts> reasons) {
        this.version = version;
        this.sections = List.copyOf(sections);
        this.rules = List.copyOf(rules);
        this.reasons = Map.copyOf(reasons);
    }

    /** The catalogue shipped with Hygie. */
    public static RuleCatalog builtIn() {
        try (InputStream in = RuleCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("rule catalogue missing from the classpath: " + RESOURCE);
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rule catalogue", e);
        }
    }

    public static RuleCatalog parse(JsonNode root) {
        List<Section> sections = new ArrayList<>();
        for (JsonNode s : root.path("sections")) {
            sections.add(new Section(s.path("id").asText(), Texts.from(s.path("title"), "section " + s.path("id"))));
        }
        Map<String, Texts> reasons = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.path("reasons").properties()) {
            reasons.put(e.getKey(), Texts.from(e.getValue(), "reason " + e.getKey()));
        }
        Set<String> sectionIds = new HashSet<>();
        sections.forEach(s -> sectionIds.add(s.id()));
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode r : root.path("rules")) {
            Rule rule = rule(r);
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("rule id used twice: " + rule.id());
            }
            if (!sectionIds.contains(rule.section())) {
                throw new IllegalArgumentException("rule " + rule.id() + ": unknown section " + rule.section());
            }
            rules.add(rule);
        }
        return new RuleCatalog(root.path("version").asText("1"), sections, rules, reasons);
    }

    private static Rule rule(JsonNode r) {
        String id = required(r, "id", "rule");
        String where = "rule " + id;
        RuleType type = RuleType.valueOf(r.path("type").asText("auto").toUpperCase(java.util.Locale.ROOT));
        List<String> facts = new ArrayList<>();
        r.path("facts").forEach(f -> facts.add(f.asText()));
        Map<String, Object> thresholds = new LinkedHashMap<>();
        r.path("thresholds").properties().forEach(e -> thresholds.put(e.getKey(), Condition.plain(e.getValue())));
        Map<String, Texts> evidence = new LinkedHashMap<>();
        r.path("evidence").properties().forEach(e ->
                evidence.put(e.getKey(), Texts.from(e.getValue(), where + " evidence " + e.getKey())));
        Map<String, Texts> remediation = new LinkedHashMap<>();
        r.path("remediation").properties().forEach(e -> {
            if (!OS_KEYS.contains(e.getKey())) {
                throw new IllegalArgumentException(where + ": remediation for unknown OS " + e.getKey());
            }
            remediation.put(e.getKey(), Texts.from(e.getValue(), where + " remediation " + e.getKey()));
        });
        if (!remediation.containsKey("default")) {
            throw new IllegalArgumentException(where + ": needs a default remediation");
        }
        List<Grade> grades = new ArrayList<>();
        for (JsonNode g : r.path("grades")) {
            Grade grade = new Grade(Status.fromCode(required(g, "status", where)), g.get("when"),
                    required(g, "evidence", where));
            if (grade.when() == null) {
                throw new IllegalArgumentException(where + ": grade without 'when'");
            }
            checkCondition(grade.when(), thresholds, where);
            if (!evidence.containsKey(grade.evidence())) {
                throw new IllegalArgumentException(where + ": unknown evidence key " + grade.evidence());
            }
            grades.add(grade);
        }
        JsonNode applies = r.get("applies");
        if (applies != null) {
            checkCondition(applies, thresholds, where);
        }
        if (type == RuleType.AUTO && grades.isEmpty()) {
            throw new IllegalArgumentException(where + ": an automatic rule needs grades");
        }
        if (type == RuleType.MANUAL && !evidence.containsKey("manual")) {
            throw new IllegalArgumentException(where + ": a manual rule needs a 'manual' evidence text");
        }
        Texts na = r.has("not_applicable") ? Texts.from(r.get("not_applicable"), where + " not_applicable") : null;
        if (applies != null && na == null) {
            throw new IllegalArgumentException(where + ": 'applies' needs a 'not_applicable' text");
        }
        return new Rule(id, required(r, "section", where), required(r, "guide_point", where),
                Severity.fromCode(required(r, "severity", where)), type, facts, thresholds, applies, grades,
                Texts.from(r.path("title"), where + " title"), evidence, remediation, na);
    }

    private static void checkCondition(JsonNode c, Map<String, Object> thresholds, String where) {
        try {
            if (c.has("all") || c.has("any")) {
                c.path(c.has("all") ? "all" : "any").forEach(p -> checkCondition(p, thresholds, where));
            } else if (c.has("not")) {
                checkCondition(c.get("not"), thresholds, where);
            } else if (c.has("fact")) {
                Condition.operand(c.get(Condition.operator(c)), thresholds);
            } else if (!c.has("always")) {
                throw new IllegalArgumentException("unknown condition " + c);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static String required(JsonNode n, String field, String where) {
        String v = n.path(field).asText("");
        if (v.isBlank()) {
            throw new IllegalArgumentException(where + ": missing '" + field + "'");
        }
        return v;
    }

    public String version() {
        return version;
    }

    public List<Section> sections() {
        return sections;
    }

    public List<Rule> rules() {
        return rules;
    }

    public Optional<Rule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The text explaining a reason ({@code access_denied}, {@code attestation_expired}...). */
    public String reason(String key, String lang) {
        Texts t = reasons.get(key);
        return t == null ? key : t.in(lang);
    }
}
