package org.hygie.audit.result;

import java.util.List;
import org.hygie.audit.fact.Fact;

/**
 * The verdict on one rule, with texts already in the report's language.
 *
 * @param ruleId      stable rule id, e.g. {@code screen-lock}
 * @param section     guide section id
 * @param guidePoint  point of the audit catalogue, e.g. {@code G2}
 * @param severity    weight of the point
 * @param status      the verdict
 * @param title       what the point is about
 * @param evidence    one sentence on what was seen
 * @param reason      for unknown and not-applicable: why; else null
 * @param remediation one sentence on what to do (for this OS)
 * @param facts       the facts the rule looked at, with their sources
 */
public record RuleResult(String ruleId, String section, String guidePoint, Severity severity, Status status,
                         String title, String evidence, String reason, String remediation, List<Fact> facts) {
    public RuleResult {
        facts = List.copyOf(facts);
    }
}
