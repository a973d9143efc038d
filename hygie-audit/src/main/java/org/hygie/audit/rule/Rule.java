package org.hygie.audit.rule;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.hygie.audit.result.Severity;

/**
 * One guide point as data.
 *
 * @param id            stable id used in JSON output and attestations
 * @param section       guide section id
 * @param guidePoint    point of the audit catalogue (G1...G19)
 * @param severity      weight in the score and the action list
 * @param type          judged on facts, or attested
 * @param facts         ids of the facts the rule reads (shown as evidence)
 * @param thresholds    named limits, referred to as {@code "$name"} in conditions and texts
 * @param applies       condition under which the point applies; null when it always does
 * @param grades        ordered lines; the first whose condition holds gives the status
 * @param title         what the point is
 * @param evidence      evidence texts by key, with {@code {fact.id}} and {@code {$threshold}} placeholders
 * @param remediation   what to do, by OS family ({@code linux}, {@code windows}, {@code macos}) or {@code default}
 * @param notApplicable why the point does not apply, when {@code applies} is false
 */
public record Rule(String id, String section, String guidePoint, Severity severity, RuleType type,
                   List<String> facts, Map<String, Object> thresholds, JsonNode applies, List<Grade> grades,
                   Texts title, Map<String, Texts> evidence, Map<String, Texts> remediation, Texts notApplicable) {
    public Rule {
        facts = List.copyOf(facts);
        thresholds = Map.copyOf(thresholds);
        grades = List.copyOf(grades);
        evidence = Map.copyOf(evidence);
        remediation = Map.copyOf(remediation);
    }

    /** The remediation for {@code os}, else the default one. */
    public String remediation(String os, String lang) {
        Texts t = remediation.getOrDefault(os, remediation.get("default"));
        return t == null ? "" : t.in(lang);
    }
}
