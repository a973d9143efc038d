package org.hygie.practice.duty;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.hygie.practice.journal.Event;
import org.hygie.practice.journal.Journal;
import org.hygie.practice.journal.Outcome;
import org.hygie.practice.journal.Step;

/**
 * Whether tonight's duty must mail the doctor: a step failed, or a notice asks the doctor to act. A notice mailed
 * once per state ({@link Notice#mailOnce()}, a breach's clock) asks for a mail only until a mail that went out
 * listed it: each mail sent records the states it told ({@code told} in the journal's mail event), so a mail that
 * could not be sent is tried again the next night.
 */
final class MailDue {
    /** Field of the journal's mail event: the {@link Notice.MailOnce} keys the mail told. */
    static final String TOLD = "told";

    private MailDue() {
    }

    static boolean due(List<Notice> notices, boolean failed, Journal journal, Instant now) {
        if (failed) {
            return true;
        }
        for (Notice n : notices) {
            if (n.act() && (n.mailOnce() == null || !told(n.mailOnce(), journal, now))) {
                return true;
            }
        }
        return false;
    }

    /** The states a mail listing these notices tells (the mail lists every notice but the informative ones). */
    static List<String> told(List<Notice> notices) {
        return notices.stream().filter(n -> n.level() != Notice.Level.INFO && n.mailOnce() != null)
                .map(n -> n.mailOnce().key()).toList();
    }

    /** Whether a mail sent since the state began told it. */
    static boolean told(Notice.MailOnce once, Journal journal, Instant now) {
        for (Event e : journal.between(once.since(), now.plusMillis(1), Step.MAIL)) {
            if (e.outcome() == Outcome.OK) {
                for (JsonNode k : e.data().path(TOLD)) {
                    if (k.asText().equals(once.key())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
