package org.hygie.practice.gdpr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hygie.audit.rule.Rule;
import org.hygie.audit.rule.RuleCatalog;
import org.hygie.practice.config.Span;
import org.hygie.practice.text.Texts;
import org.junit.jupiter.api.Test;

/** What the faces show, judged at a time set by the test: review age, retention threshold, breaches, verdict. */
class GdprOverviewTest {
    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final Path FILE = Path.of("/etat/gdpr.json");

    static GdprFile reviewed(Instant at) {
        return GdprFile.empty().withRegister(RegisterModel.entries("fr").stream().map(p -> p.reviewed(at)).toList());
    }

    static Breach breach(String id, Instant discovered, Decision d) {
        return new Breach(id, discovered, discovered, "perte d'une clé USB", "", "", "", "", d);
    }

    static List<String> codes(GdprOverview o) {
        return o.todo().stream().map(GdprTodo::code).toList();
    }

    @Test
    void the_register_is_due_for_review_after_a_year() {
        GdprOverview fresh = GdprOverview.of(reviewed(NOW.minus(Duration.ofDays(365))), FILE, Span.ofYears(48), NOW);
        assertEquals(365L, fresh.reviewAgeDays());
        assertEquals(List.of(), codes(fresh));
        assertEquals(GdprOverview.Verdict.IN_ORDER, fresh.verdict());
        GdprOverview old = GdprOverview.of(reviewed(NOW.minus(Duration.ofDays(366))), FILE, Span.ofYears(48), NOW);
        assertEquals(List.of("register-review-due"), codes(old));
        assertEquals(GdprOverview.Verdict.ATTENTION, old.verdict());
        assertEquals("Le registre a été revu il y a 366 jours (le " + day(NOW.minus(Duration.ofDays(366)))
                + ") : plus d'un an.", old.todo().get(0).text(Texts.of("fr")));
    }

    @Test
    void an_empty_or_unread_register_is_asked_for() {
        assertEquals(List.of("register-empty"), codes(GdprOverview.of(GdprFile.empty(), FILE, Span.ofYears(48), NOW)));
        GdprFile unread = GdprFile.empty().withRegister(RegisterModel.entries("fr"));
        GdprOverview o = GdprOverview.of(unread, FILE, Span.ofYears(48), NOW);
        assertNull(o.registerReviewed());
        assertNull(o.reviewAgeDays());
        assertEquals(List.of("register-never-reviewed"), codes(o));
        assertEquals("3 fiches du registre n’ont pas encore été relues et validées.", o.todo().get(0)
                .text(Texts.of("fr")));
    }

    @Test
    void a_legal_retention_under_30_years_is_asked_to_be_raised() {
        GdprFile ok = reviewed(NOW);
        assertEquals(List.of(), codes(GdprOverview.of(ok, FILE, Span.ofYears(30), NOW)));
        GdprOverview shorter = GdprOverview.of(ok, FILE, Span.parse("29y11m"), NOW);
        assertEquals(29, shorter.legalRetentionYears());
        assertEquals(List.of("retention-short"), codes(shorter));
        assertEquals("One backup a year is kept for 29 years only; the guide asks for medical records to be kept 30 "
                + "to 48 years.", shorter.todo().get(0).text(Texts.of("en")));
    }

    @Test
    void late_breaches_come_first_then_open_ones_and_decided_ones_ask_nothing() {
        GdprFile f = reviewed(NOW).withBreaches(List.of(
                breach("2026-1", NOW.minus(Duration.ofHours(100)), null),
                breach("2026-2", NOW.minus(Duration.ofHours(10)), null),
                breach("2026-3", NOW.minus(Duration.ofDays(20)), Decision.notNotified(NOW.minus(Duration.ofDays(19)),
                        "clé chiffrée")),
                breach("2024-1", NOW.minus(Duration.ofDays(500)), Decision.notifiedAt(NOW.minus(Duration.ofDays(499)),
                        "CNIL-1"))));
        GdprOverview o = GdprOverview.of(f, FILE, Span.ofYears(48), NOW);
        assertEquals(List.of("breach-late", "breach-open"), codes(o));
        assertEquals(GdprOverview.Verdict.LATE, o.verdict());
        assertEquals(List.of(28L, 62L), List.of(o.todo().get(0).args().get(1), o.todo().get(1).args().get(1)));
        assertEquals(List.of("2026-2", "2026-1", "2026-3", "2024-1"),
                o.breaches().stream().map(e -> e.breach().id()).toList(), "newest discovery first");
        assertEquals(List.of("2026-2", "2026-1", "2026-3"), o.recentBreaches().stream().map(e -> e.breach().id())
                .toList(), "the report's twelve months");
        assertEquals(List.of("2026-2", "2026-1"), o.undecided().stream().map(e -> e.breach().id()).toList());
    }

    @Test
    void the_limits_are_those_of_the_audit_catalogue() {
        RuleCatalog c = RuleCatalog.builtIn();
        Rule register = c.rule("gdpr-register").orElseThrow();
        Rule retention = c.rule("gdpr-retention").orElseThrow();
        assertEquals(GdprOverview.REVIEW_EVERY.toDays(), ((Number) register.thresholds().get("pass_max_days")).longValue());
        assertEquals(GdprOverview.GUIDE_MIN_YEARS, ((Number) retention.thresholds().get("pass_min_years")).intValue());
    }

    private static String day(Instant i) {
        return java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(java.time.ZoneId.systemDefault())
                .format(i);
    }
}
