package org.hygie.practice.status;

import java.time.Instant;
import java.util.List;
import org.hygie.practice.duty.Notice;
import org.hygie.practice.journal.Run;

/**
 * "Am I protected?" in one object: the verdict, each medium, the freshest copy outside the practice, the last
 * audit, and the notices (most serious first).
 *
 * @param outsideCopy  the freshest copy kept outside the practice, null when none
 * @param outsideFresh whether it is within the media plan's limit
 * @param auditScore   the last audit's score, null when none
 */
public record StatusReport(String practice, Instant now, Verdict verdict, Run lastDuty, List<MediumStatus> media,
        Instant outsideCopy, boolean outsideFresh, Integer auditScore, Integer auditFailures, Instant auditAt,
        Instant lastDrill, List<Notice> notices) {
    public StatusReport {
        media = List.copyOf(media);
        notices = List.copyOf(notices);
    }

    public enum Verdict {
        /** Nothing serious: backed up, copied outside, verified. */
        PROTECTED,
        /** Protected, but something needs attention soon (or a personal-data breach waits for a decision). */
        ATTENTION,
        /** Something serious about the backups: a failed backup, no copy outside, a damaged medium. */
        NOT_PROTECTED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
