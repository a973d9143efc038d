package org.hygie.audit.rule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hygie.audit.attest.Attestation;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;
import org.hygie.audit.fact.Facts;
import org.hygie.audit.result.RuleResult;
import org.hygie.audit.result.Status;

/**
 * Judges one rule on the facts. An automatic rule first checks {@code applies}, then takes the first grade line
 * whose condition is true. A line that needs an unavailable fact stops the judgement with {@code unknown} and
 * the fact's reason: a refusal is never turned into a pass or a fail. A line whose facts are not given on this
 * OS is skipped. A manual rule is passed by a valid attestation, unknown when it expired, else manual.
 */
public final class RuleEvaluator {
    private final RuleCatalog catalog;
    private final String lang;
    private final String os;
    private final Clock clock;
    private final Map<String, Attestation> attestations;
    private final Map<String, Map<String, Object>> thresholdOverrides;

    /**
     * @param thresholdOverrides per rule id, thresholds replacing the catalogue's (a practice profile)
     */
    public RuleEvaluator(RuleCatalog catalog, String lang, String os, Clock clock,
                         Map<String, Attestation> attestations, Map<String, Map<String, Object>> thresholdOverrides) {
        this.catalog = catalog;
        this.lang = lang;
        this.os = os;
        this.clock = clock;
        this.attestations = Map.copyOf(attestations);
        this.thresholdOverrides = Map.copyOf(thresholdOverrides);
    }

    public RuleResult evaluate(Rule rule, Facts facts) {
        Map<String, Object> thresholds = new HashMap<>(rule.thresholds());
        thresholds.putAll(thresholdOverrides.getOrDefault(rule.id(), Map.of()));
        return rule.type() == RuleType.MANUAL ? manual(rule, facts) : auto(rule, facts, thresholds);
    }

    private RuleResult auto(Rule rule, Facts facts, Map<String, Object> thresholds) {
        if (rule.applies() != null) {
            Verdict v = Condition.evaluate(rule.applies(), facts, thresholds);
            if (v.is(Verdict.Truth.FALSE) || v.is(Verdict.Truth.ABSENT) && v.cause() != null) {
                return notApplicable(rule, facts, v.cause());
            }
            if (v.is(Verdict.Truth.UNKNOWN)) {
                return unknown(rule, facts, v.cause());
            }
        }
        Fact absentCause = null;
        boolean sawFalse = false;
        boolean sawAbsent = false;
        for (Grade g : rule.grades()) {
            if (g.when().has("always") && sawAbsent && !sawFalse) {
                break; // a catch-all line after facts this OS does not give: nothing was judged
            }
            Verdict v = Condition.evaluate(g.when(), facts, thresholds);
            switch (v.truth()) {
                case TRUE:
                    String evidence = Template.fill(rule.evidence().get(g.evidence()).in(lang), facts, thresholds,
                            Map.of());
                    return result(rule, facts, g.status(), evidence, g.status() == Status.UNKNOWN ? evidence : null);
                case UNKNOWN:
                    return unknown(rule, facts, v.cause());
                case ABSENT:
                    sawAbsent = true;
                    absentCause = absentCause != null ? absentCause : v.cause();
                    break;
                default:
                    sawFalse = true;
                    break;
            }
        }
        if (absentCause != null) {
            return notApplicable(rule, facts, absentCause);
        }
        String reason = catalog.reason("not_collected", lang);
        return result(rule, facts, Status.UNKNOWN, reason, reason);
    }

    private RuleResult manual(Rule rule, Facts facts) {
        Attestation a = attestations.get(rule.id());
        Map<String, String> values = new HashMap<>();
        if (a == null) {
            return result(rule, facts, Status.MANUAL, text(rule, "manual", facts, values), null);
        }
        ZoneId zone = clock.getZone();
        values.put("by", a.by());
        values.put("date", LocalDate.ofInstant(a.attestedAt(), zone).toString());
        values.put("expires", LocalDate.ofInstant(a.expiresAt(), zone).toString());
        if (a.validAt(clock.instant())) {
            String ev = Template.fill(catalog.reason("attested", lang), facts, Map.of(), values);
            return result(rule, facts, Status.PASS, ev, null);
        }
        String reason = Template.fill(catalog.reason("attestation_expired", lang), facts, Map.of(), values);
        return result(rule, facts, Status.UNKNOWN, reason, reason);
    }

    private String text(Rule rule, String key, Facts facts, Map<String, String> values) {
        Texts t = rule.evidence().get(key);
        return t == null ? "" : Template.fill(t.in(lang), facts, rule.thresholds(), values);
    }

    private RuleResult unknown(Rule rule, Facts facts, Fact cause) {
        String reason = cause == null ? catalog.reason("not_collected", lang) : reasonOf(cause);
        return result(rule, facts, Status.UNKNOWN, reason, reason);
    }

    private RuleResult notApplicable(Rule rule, Facts facts, Fact cause) {
        String reason = rule.notApplicable() != null ? rule.notApplicable().in(lang)
                : cause != null ? reasonOf(cause) : catalog.reason("not_applicable", lang);
        return result(rule, facts, Status.NOT_APPLICABLE, reason, reason);
    }

    private String reasonOf(Fact cause) {
        String detail = cause.detail() == null ? cause.source() : cause.detail();
        String key = cause.status() == FactStatus.NOT_APPLICABLE ? "not_applicable" : cause.status().code();
        return Template.fill(catalog.reason(key, lang), new Facts(), Map.of(), Map.of("detail", detail));
    }

    private RuleResult result(Rule rule, Facts facts, Status status, String evidence, String reason) {
        List<Fact> used = new ArrayList<>();
        for (String id : rule.facts()) {
            facts.get(id).ifPresent(used::add);
        }
        return new RuleResult(rule.id(), rule.section(), rule.guidePoint(), rule.severity(), status,
                rule.title().in(lang), evidence, reason, rule.remediation(os, lang), used);
    }
}
