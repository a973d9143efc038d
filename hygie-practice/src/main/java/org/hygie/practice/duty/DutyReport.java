package org.hygie.practice.duty;

import java.util.List;
import org.hygie.practice.journal.Event;
import org.hygie.practice.journal.Outcome;

/**
 * What a run did: its journal events in order, the notices for the doctor, and whether a mail went out.
 *
 * @param run     the run's id in the journal
 * @param kind    {@code duty}, {@code drill} or {@code before-update}
 * @param outcome failed when a step failed; warning when something needs attention; else ok
 */
public record DutyReport(long run, String kind, Outcome outcome, List<Event> events, List<Notice> notices,
        boolean mailed) {
    public DutyReport {
        events = List.copyOf(events);
        notices = List.copyOf(notices);
    }

    public List<Event> events(String step) {
        return events.stream().filter(e -> e.step().equals(step)).toList();
    }
}
