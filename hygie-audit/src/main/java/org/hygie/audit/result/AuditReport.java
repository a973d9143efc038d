package org.hygie.audit.result;

import java.time.Instant;
import java.util.List;
import org.hygie.audit.fact.Fact;

/**
 * The outcome of one audit of this workstation.
 *
 * @param language     {@code fr} or {@code en}: the language of every text inside
 * @param os           OS family audited
 * @param host         machine name
 * @param startedAt    when collection started
 * @param durationMs   how long the audit took
 * @param overall      the overall score
 * @param sections     one score per guide section, in guide order
 * @param results      one result per rule, in catalogue order
 * @param actions      the results to act on, most urgent first
 * @param facts        every fact collected
 * @param catalogueVersion version of the rule catalogue
 * @param supportDataDate date of the end-of-support data used
 */
public record AuditReport(String language, String os, String host, Instant startedAt, long durationMs,
                          SectionScore overall, List<SectionScore> sections, List<RuleResult> results,
                          List<RuleResult> actions, List<Fact> facts, String catalogueVersion,
                          String supportDataDate) {
    public AuditReport {
        sections = List.copyOf(sections);
        results = List.copyOf(results);
        actions = List.copyOf(actions);
        facts = List.copyOf(facts);
    }

    /** True when at least one rule fails: the command then exits with code 2. */
    public boolean hasFailures() {
        return results.stream().anyMatch(r -> r.status() == Status.FAIL);
    }

    public RuleResult result(String ruleId) {
        return results.stream().filter(r -> r.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rule " + ruleId));
    }
}
