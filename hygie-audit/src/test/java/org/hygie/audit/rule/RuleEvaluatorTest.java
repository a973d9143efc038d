package org.hygie.audit.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hygie.audit.attest.Attestation;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;
import org.hygie.audit.fact.Facts;
import org.hygie.audit.result.RuleResult;
import org.hygie.audit.result.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The catalogue's rules judged on tables of facts. */
class RuleEvaluatorTest {
    private static final RuleCatalog CATALOG = RuleCatalog.builtIn();
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static RuleResult judge(String ruleId, Map<String, Attestation> attestations,
                                    Map<String, Map<String, Object>> thresholds, Fact... facts) {
        RuleEvaluator e = new RuleEvaluator(CATALOG, "fr", "linux", CLOCK, attestations, thresholds);
        return e.evaluate(CATALOG.rule(ruleId).orElseThrow(), new Facts(List.of(facts)));
    }

    private static RuleResult judge(String ruleId, Fact... facts) {
        return judge(ruleId, Map.of(), Map.of(), facts);
    }

    private static Fact f(String id, Object v) {
        return Fact.of(id, v, "test");
    }

    @ParameterizedTest
    @EnumSource(value = FactStatus.class, names = {"ACCESS_DENIED", "COMMAND_MISSING", "TIMEOUT", "PARSE_ERROR",
            "NOT_SUPPORTED", "ERROR"})
    void a_fact_that_could_not_be_had_never_gives_a_pass_or_a_fail(FactStatus refusal) {
        for (Rule rule : CATALOG.rules()) {
            Fact[] facts = rule.facts().stream().map(id -> Fact.unavailable(id, refusal, "test", "refused"))
                    .toArray(Fact[]::new);
            Status got = judge(rule.id(), facts).status();
            Status expected = rule.type() == RuleType.MANUAL ? Status.MANUAL : Status.UNKNOWN;
            assertEquals(expected, got, rule.id() + " with every fact " + refusal);
        }
    }

    @Test
    void an_unknown_says_why_in_the_report_language() {
        RuleResult r = judge("firewall", Fact.unavailable("firewall.enabled", FactStatus.ACCESS_DENIED,
                "nft list ruleset", "Operation not permitted"));
        assertEquals(Status.UNKNOWN, r.status());
        assertEquals("non vérifiable sans droits administrateur (Operation not permitted)", r.reason());
    }

    @Test
    void a_rule_whose_facts_this_os_does_not_give_is_unknown_not_collected() {
        RuleResult r = judge("login-password");
        assertEquals(Status.UNKNOWN, r.status());
        assertEquals(CATALOG.reason("not_collected", "fr"), r.reason());
    }

    @Test
    void a_rule_that_does_not_apply_says_so() {
        RuleResult r = judge("screen-lock", f("desktop.present", false),
                Fact.unavailable("lock.enabled", FactStatus.NOT_APPLICABLE, "env", "no session"));
        assertEquals(Status.NOT_APPLICABLE, r.status());
        assertTrue(r.reason().contains("pas de session graphique"), r.reason());
    }

    @Test
    void the_first_grade_line_that_holds_wins() {
        assertEquals(Status.PASS, judge("screen-lock", f("desktop.present", true), f("lock.enabled", true),
                f("lock.effective_timeout_s", 300L)).status());
        assertEquals(Status.WARN, judge("screen-lock", f("desktop.present", true), f("lock.enabled", true),
                f("lock.effective_timeout_s", 900L)).status());
        assertEquals(Status.FAIL, judge("screen-lock", f("desktop.present", true), f("lock.enabled", true),
                f("lock.effective_timeout_s", 3600L)).status());
        assertEquals(Status.FAIL, judge("screen-lock", f("desktop.present", true), f("lock.enabled", true),
                f("lock.effective_timeout_s", 0L)).status());
        RuleResult off = judge("screen-lock", f("desktop.present", true), f("lock.enabled", false),
                Fact.unavailable("lock.effective_timeout_s", FactStatus.TIMEOUT, "gsettings", "slow"));
        assertEquals(Status.FAIL, off.status(), "a decisive earlier line needs no later fact");
    }

    @Test
    void evidence_quotes_the_facts_and_thresholds() {
        RuleResult r = judge("screen-lock", f("desktop.present", true), f("lock.enabled", true),
                f("lock.effective_timeout_s", 900L));
        assertEquals("la session ne se verrouille qu'après 900 s d'inactivité (au plus 600 s conseillées)", r.evidence());
    }

    @Test
    void thresholds_can_be_changed_by_a_profile() {
        RuleResult r = judge("screen-lock", Map.of(), Map.of("screen-lock", Map.of("pass_max_s", 900L)),
                f("desktop.present", true), f("lock.enabled", true), f("lock.effective_timeout_s", 900L));
        assertEquals(Status.PASS, r.status());
    }

    @Test
    void refused_shadow_is_unknown_but_the_windows_proxy_still_judges() {
        assertEquals(Status.UNKNOWN, judge("login-password", Fact.unavailable("accounts.empty_password_count",
                FactStatus.ACCESS_DENIED, "/etc/shadow", "/etc/shadow")).status());
        assertEquals(Status.WARN, judge("login-password", f("accounts.password_not_required_count", 1L)).status());
        assertEquals(Status.FAIL, judge("login-password", f("accounts.empty_password_count", 2L)).status());
    }

    @Test
    void pending_updates_are_judged_per_os_from_the_facts_each_gives() {
        assertEquals(Status.FAIL, judge("os-pending-updates", f("updates.pending_security", 12L),
                f("updates.lists_age_days", 0L)).status());
        assertEquals(Status.WARN, judge("os-pending-updates", f("updates.pending_security", 2L)).status());
        assertEquals(Status.UNKNOWN, judge("os-pending-updates", f("updates.pending_security", 0L),
                f("updates.lists_age_days", 30L)).status(), "nothing pending on stale lists proves nothing");
        assertEquals(Status.PASS, judge("os-pending-updates", f("updates.pending_security", 0L),
                f("updates.lists_age_days", 1L), f("updates.reboot_required", false)).status());
        assertEquals(Status.PASS, judge("os-pending-updates", f("updates.last_install_age_days", 10L),
                f("updates.reboot_required", false)).status());
        assertEquals(Status.FAIL, judge("os-pending-updates", f("updates.last_install_age_days", 90L)).status());
    }

    @Test
    void a_valid_attestation_passes_a_manual_point_and_an_expired_one_is_unknown() {
        Attestation fresh = new Attestation("physical-security", "Dr Exemple", NOW.minus(Duration.ofDays(10)),
                NOW.plus(Duration.ofDays(355)));
        RuleResult ok = judge("physical-security", Map.of("physical-security", fresh), Map.of());
        assertEquals(Status.PASS, ok.status());
        assertTrue(ok.evidence().contains("Dr Exemple"), ok.evidence());
        Attestation old = new Attestation("physical-security", "Dr Exemple", NOW.minus(Duration.ofDays(400)),
                NOW.minus(Duration.ofDays(35)));
        RuleResult expired = judge("physical-security", Map.of("physical-security", old), Map.of());
        assertEquals(Status.UNKNOWN, expired.status());
        assertNotNull(expired.reason());
        assertTrue(expired.reason().contains("expiré"), expired.reason());
        assertEquals(Status.MANUAL, judge("physical-security").status());
    }

    @Test
    void remediation_is_given_for_the_os_audited_or_the_default() {
        RuleEvaluator windows = new RuleEvaluator(CATALOG, "en", "windows", CLOCK, Map.of(), Map.of());
        RuleResult r = windows.evaluate(CATALOG.rule("firewall").orElseThrow(), new Facts(List.of(f("firewall.enabled", false))));
        assertTrue(r.remediation().contains("Windows Security"), r.remediation());
        RuleResult wifi = windows.evaluate(CATALOG.rule("wifi-security").orElseThrow(), new Facts(List.of(
                f("wifi.present", true), f("wifi.connected", true), f("wifi.security", "wep"))));
        assertEquals(Status.FAIL, wifi.status());
        assertTrue(wifi.remediation().contains("WPA2"), wifi.remediation());
    }
}
