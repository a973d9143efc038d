package org.hygie.audit.result;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Scores a set of results, and orders the actions. */
public final class Scorer {
    private Scorer() {
    }

    public static SectionScore score(String section, String title, List<RuleResult> results) {
        double got = 0;
        int max = 0;
        int[] n = new int[Status.values().length];
        for (RuleResult r : results) {
            n[r.status().ordinal()]++;
            if (r.status().graded()) {
                int w = r.severity().weight();
                max += w;
                got += r.status() == Status.PASS ? w : r.status() == Status.WARN ? w / 2.0 : 0;
            }
        }
        int graded = n[Status.PASS.ordinal()] + n[Status.WARN.ordinal()] + n[Status.FAIL.ordinal()];
        int applicable = results.size() - n[Status.NOT_APPLICABLE.ordinal()];
        Integer score = max == 0 ? null : (int) Math.round(100 * got / max);
        int coverage = applicable == 0 ? 100 : (int) Math.round(100.0 * graded / applicable);
        return new SectionScore(section, title, score, coverage, n[Status.PASS.ordinal()], n[Status.WARN.ordinal()],
                n[Status.FAIL.ordinal()], n[Status.UNKNOWN.ordinal()], n[Status.MANUAL.ordinal()],
                n[Status.NOT_APPLICABLE.ordinal()]);
    }

    /** Failures, then warnings, then unknowns, then attestations to give; within each, the most severe first. */
    public static List<RuleResult> actions(List<RuleResult> results) {
        Function<RuleResult, Integer> urgency = r -> r.status().urgency();
        return results.stream().filter(r -> r.status().urgency() < 9)
                .sorted(Comparator.comparing(urgency).thenComparing(r -> r.severity().ordinal()))
                .toList();
    }
}
