package org.hygie.audit.gdpr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.LiveHostFiles;
import org.hygie.audit.collect.ReplayCommandRunner;
import org.hygie.audit.fact.FactStatus;
import org.hygie.audit.fact.Facts;
import org.hygie.audit.result.RuleResult;
import org.hygie.audit.result.Status;
import org.hygie.audit.rule.RuleCatalog;
import org.hygie.audit.rule.RuleEvaluator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GDPR points of the catalogue judged on the facts a {@link GdprStatusSource} gives, with the audit's clock set
 * by the test: the 72-hour clock of breaches, the age of the register's review, the legal retention; and what they
 * say without a practice or with a damaged file.
 */
class GdprRulesTest {
    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final RuleCatalog CATALOG = RuleCatalog.builtIn();

    @TempDir
    Path dir;

    private static GdprStatusSource source(GdprStatus s) {
        return new GdprStatusSource() {
            @Override
            public GdprStatus read() {
                return s;
            }

            @Override
            public String describe() {
                return "test gdpr.json";
            }
        };
    }

    private Facts facts(GdprStatusSource source) {
        CollectionContext ctx = new CollectionContext(new ReplayCommandRunner(dir), new LiveHostFiles(dir), Map.of(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        return new Facts(new GdprCollector(source).collect(ctx));
    }

    private RuleResult judge(String rule, GdprStatus status, String lang) {
        RuleEvaluator e = new RuleEvaluator(CATALOG, lang, "linux", Clock.fixed(NOW, ZoneOffset.UTC), Map.of(), Map.of());
        return e.evaluate(CATALOG.rule(rule).orElseThrow(), facts(source(status)));
    }

    private static GdprStatus status(int entries, Instant reviewed, List<Instant> deadlines, Integer years) {
        return new GdprStatus(true, null, entries, reviewed, deadlines, years);
    }

    private static GdprStatus breaches(Instant... deadlines) {
        return status(3, NOW.minus(Duration.ofDays(10)), List.of(deadlines), 48);
    }

    @Test
    void the_gdpr_section_comes_last_in_both_languages() {
        var last = CATALOG.sections().get(CATALOG.sections().size() - 1);
        assertEquals("gdpr", last.id());
        assertEquals("RGPD", last.title().in("fr"));
        assertEquals("GDPR", last.title().in("en"));
        assertEquals(3, CATALOG.rules().stream().filter(r -> r.section().equals("gdpr")).count());
    }

    @Test
    void a_breach_within_its_72_hours_is_orange_with_the_hours_left() {
        // discovered 10 h 30 ago: the deadline is 61 h 30 away
        RuleResult r = judge("gdpr-breach-clock", breaches(NOW.plus(Duration.ofMinutes(61 * 60 + 30))), "fr");
        assertEquals(Status.WARN, r.status());
        assertEquals("1 violation(s) de données en cours : plus que 61 h pour décider de notifier la CNIL", r.evidence());
        RuleResult en = judge("gdpr-breach-clock", breaches(NOW.plus(Duration.ofHours(5)),
                NOW.plus(Duration.ofHours(70))), "en");
        assertEquals(Status.WARN, en.status());
        assertEquals("2 data breach(es) open: 5 h left to decide whether to notify the CNIL", en.evidence());
    }

    @Test
    void a_breach_past_its_72_hours_without_a_decision_is_red_and_says_how_late() {
        RuleResult r = judge("gdpr-breach-clock", breaches(NOW.minus(Duration.ofHours(26)),
                NOW.plus(Duration.ofHours(30))), "fr");
        assertEquals(Status.FAIL, r.status());
        assertEquals("1 violation(s) de données sans décision après le délai de 72 heures (dépassé de 26 h)",
                r.evidence());
        assertTrue(r.remediation().contains("hygie gdpr breach decide"), r.remediation());
        // exactly at the deadline the clock has not run out yet; one second later it has
        assertEquals(Status.WARN, judge("gdpr-breach-clock", breaches(NOW), "fr").status());
        assertEquals(Status.FAIL, judge("gdpr-breach-clock", breaches(NOW.minusSeconds(1)), "fr").status());
    }

    @Test
    void decided_breaches_are_not_counted_so_the_point_passes() {
        RuleResult r = judge("gdpr-breach-clock", breaches(), "en");
        assertEquals(Status.PASS, r.status());
        assertEquals("no data breach waiting for a decision", r.evidence());
    }

    @Test
    void the_register_must_exist_be_approved_and_be_reviewed_within_a_year() {
        assertEquals(Status.FAIL, judge("gdpr-register", status(0, null, List.of(), 48), "fr").status());
        RuleResult never = judge("gdpr-register", status(3, null, List.of(), 48), "fr");
        assertEquals(Status.WARN, never.status());
        assertEquals("registre de 3 fiche(s), pas encore relu et validé par le cabinet", never.evidence());
        RuleResult fresh = judge("gdpr-register", status(3, NOW.minus(Duration.ofDays(365)), List.of(), 48), "fr");
        assertEquals(Status.PASS, fresh.status());
        assertEquals("registre de 3 fiche(s), revu il y a 365 jours", fresh.evidence());
        RuleResult old = judge("gdpr-register", status(3, NOW.minus(Duration.ofDays(366)), List.of(), 48), "en");
        assertEquals(Status.WARN, old.status());
        assertEquals("register reviewed 366 days ago: to be reviewed at least every year", old.evidence());
    }

    @Test
    void the_legal_retention_passes_from_30_years_and_fails_under_20() {
        assertEquals(Status.PASS, judge("gdpr-retention", status(3, NOW, List.of(), 48), "fr").status());
        assertEquals(Status.PASS, judge("gdpr-retention", status(3, NOW, List.of(), 30), "fr").status());
        RuleResult short29 = judge("gdpr-retention", status(3, NOW, List.of(), 29), "fr");
        assertEquals(Status.WARN, short29.status());
        assertEquals("une sauvegarde par an n'est gardée que 29 ans : le guide demande 30 à 48 ans", short29.evidence());
        assertEquals(Status.WARN, judge("gdpr-retention", status(3, NOW, List.of(), 20), "fr").status());
        assertEquals(Status.FAIL, judge("gdpr-retention", status(3, NOW, List.of(), 19), "en").status());
    }

    @Test
    void without_a_practice_every_gdpr_point_is_unknown_and_says_why() {
        for (String rule : List.of("gdpr-register", "gdpr-breach-clock", "gdpr-retention")) {
            RuleResult r = judge(rule, GdprStatus.notConfigured(), "fr");
            assertEquals(Status.UNKNOWN, r.status(), rule);
            assertTrue(r.evidence().startsWith("aucun cabinet n'est configuré dans Hygie sur cet ordinateur"), r.evidence());
            assertEquals(r.evidence(), r.reason());
        }
        RuleEvaluator e = new RuleEvaluator(CATALOG, "en", "linux", Clock.fixed(NOW, ZoneOffset.UTC), Map.of(), Map.of());
        RuleResult en = e.evaluate(CATALOG.rule("gdpr-register").orElseThrow(), facts(GdprStatusSource.none()));
        assertEquals("no practice is configured in Hygie on this computer: its GDPR file is not known here",
                en.evidence());
    }

    @Test
    void a_damaged_file_makes_its_points_unknown_with_the_reason_and_keeps_the_retention() {
        GdprStatus damaged = new GdprStatus(true, "gdpr.json: line 3: not JSON", 0, null, List.of(), 48);
        Facts f = facts(source(damaged));
        assertEquals(FactStatus.ERROR, f.get("gdpr.register_entries").orElseThrow().status());
        for (String rule : List.of("gdpr-register", "gdpr-breach-clock")) {
            RuleResult r = judge(rule, damaged, "fr");
            assertEquals(Status.UNKNOWN, r.status(), rule);
            assertEquals("erreur en lisant cette information (gdpr.json: line 3: not JSON)", r.reason());
        }
        assertEquals(Status.PASS, judge("gdpr-retention", damaged, "fr").status());
    }

    @Test
    void a_source_that_cannot_be_read_at_all_gives_unknown_facts_not_a_crash() {
        GdprStatusSource broken = new GdprStatusSource() {
            @Override
            public GdprStatus read() {
                throw new java.io.UncheckedIOException(new java.io.IOException("disk gone"));
            }

            @Override
            public String describe() {
                return "broken";
            }
        };
        Facts f = facts(broken);
        assertEquals(new GdprCollector(broken).provides().size(), f.all().size());
        assertFalse(f.all().stream().anyMatch(x -> x.available()));
    }
}
