package org.hygie.practice.gdpr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.LiveHostFiles;
import org.hygie.audit.collect.ReplayCommandRunner;
import org.hygie.audit.fact.Facts;
import org.hygie.audit.gdpr.GdprCollector;
import org.hygie.audit.result.RuleResult;
import org.hygie.audit.result.Status;
import org.hygie.audit.rule.RuleCatalog;
import org.hygie.audit.rule.RuleEvaluator;
import org.hygie.practice.TestPractice;
import org.hygie.practice.config.PracticeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit's GDPR points on a real practice: its configuration, its gdpr.json beside the journal, one clock set by
 * the test for the practice and the audit. The breach point goes orange with the hours left, red past 72 hours,
 * green once decided; the register point follows its review; the retention point the configuration.
 */
class PracticeGdprStatusTest {
    @TempDir
    Path dir;

    private RuleResult judge(String rule, PracticeConfig config, TestPractice p) {
        CollectionContext ctx = new CollectionContext(new ReplayCommandRunner(dir), new LiveHostFiles(dir), Map.of(),
                p.clock);
        Facts facts = new Facts(new GdprCollector(new PracticeGdprStatus(config, p.clock)).collect(ctx));
        RuleCatalog c = RuleCatalog.builtIn();
        return new RuleEvaluator(c, "fr", "linux", p.clock, Map.of(), Map.of()).evaluate(c.rule(rule).orElseThrow(),
                facts);
    }

    @Test
    void the_audit_follows_the_practice_gdpr_file_through_a_breach() throws Exception {
        TestPractice p = new TestPractice(dir.resolve("cabinet"));
        PracticeConfig config = p.load();
        GdprKeeper k = GdprKeeper.of(config, p.clock);
        assertEquals(Status.FAIL, judge("gdpr-register", config, p).status(), "no register yet");
        assertEquals(Status.PASS, judge("gdpr-breach-clock", config, p).status());
        assertEquals(Status.PASS, judge("gdpr-retention", config, p).status(), "48 years by default");

        k.initRegister("fr");
        assertEquals(Status.WARN, judge("gdpr-register", config, p).status(), "pre-filled, not approved");
        k.reviewRegister(java.util.List.of());
        assertEquals(Status.PASS, judge("gdpr-register", config, p).status());

        Breach b = k.declare(new BreachReport(p.clock.instant(), "Poste du secrétariat infecté", "agenda", "patients",
                "indisponibilité", "poste isolé, restauration"));
        p.clock.advance(Duration.ofHours(20));
        RuleResult open = judge("gdpr-breach-clock", config, p);
        assertEquals(Status.WARN, open.status());
        assertTrue(open.evidence().contains("plus que 52 h"), open.evidence());
        p.clock.advance(Duration.ofHours(55));
        RuleResult late = judge("gdpr-breach-clock", config, p);
        assertEquals(Status.FAIL, late.status());
        assertTrue(late.evidence().contains("dépassé de 3 h"), late.evidence());
        k.decide(b.id(), Decision.notifiedAt(p.clock.instant(), "CNIL-7"));
        assertEquals(Status.PASS, judge("gdpr-breach-clock", config, p).status());

        p.clock.advance(Duration.ofDays(400));
        assertEquals(Status.WARN, judge("gdpr-register", config, p).status(), "reviewed more than a year ago");
    }

    @Test
    void a_short_retention_and_a_damaged_file_are_seen() throws Exception {
        TestPractice p = new TestPractice(dir.resolve("cabinet"));
        p.extraYaml = "retention: {yearly-within: 25y}\n";
        PracticeConfig config = p.load();
        assertEquals(Status.WARN, judge("gdpr-retention", config, p).status());
        Files.writeString(config.stateDir().resolve(GdprStore.FILE_NAME), "[1, 2");
        RuleResult r = judge("gdpr-register", config, p);
        assertEquals(Status.UNKNOWN, r.status());
        assertTrue(r.reason().startsWith("erreur en lisant cette information (The GDPR file "), r.reason());
        assertEquals(Status.WARN, judge("gdpr-retention", config, p).status(), "the configuration is still read");
    }
}
