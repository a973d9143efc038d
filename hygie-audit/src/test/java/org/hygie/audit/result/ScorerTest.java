package org.hygie.audit.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScorerTest {
    private static RuleResult r(String id, Severity s, Status st) {
        return new RuleResult(id, "sec", "G0", s, st, id, "", null, "", List.of());
    }

    @Test
    void the_score_weighs_points_by_severity_and_leaves_out_what_was_not_graded() {
        SectionScore s = Scorer.score("sec", "Section", List.of(r("a", Severity.CRITICAL, Status.PASS),
                r("b", Severity.HIGH, Status.WARN), r("c", Severity.LOW, Status.FAIL), r("d", Severity.HIGH, Status.UNKNOWN),
                r("e", Severity.MEDIUM, Status.NOT_APPLICABLE), r("f", Severity.MEDIUM, Status.MANUAL)));
        // (4 + 1.5 + 0) / (4 + 3 + 1) = 68.75 %
        assertEquals(69, s.score());
        // graded 3 of 5 applicable
        assertEquals(60, s.coverage());
        assertEquals(1, s.pass());
        assertEquals(1, s.unknown());
        assertEquals(1, s.notApplicable());
    }

    @Test
    void nothing_graded_means_no_score() {
        assertNull(Scorer.score("sec", "S", List.of(r("a", Severity.HIGH, Status.MANUAL))).score());
    }

    @Test
    void actions_put_failures_first_then_by_severity() {
        List<RuleResult> actions = Scorer.actions(List.of(r("warn-crit", Severity.CRITICAL, Status.WARN),
                r("fail-low", Severity.LOW, Status.FAIL), r("pass", Severity.CRITICAL, Status.PASS),
                r("manual", Severity.HIGH, Status.MANUAL), r("fail-crit", Severity.CRITICAL, Status.FAIL),
                r("unknown", Severity.CRITICAL, Status.UNKNOWN)));
        assertEquals(List.of("fail-crit", "fail-low", "warn-crit", "unknown", "manual"),
                actions.stream().map(RuleResult::ruleId).toList());
    }
}
