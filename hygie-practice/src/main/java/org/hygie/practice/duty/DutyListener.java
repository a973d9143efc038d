package org.hygie.practice.duty;

import org.hygie.practice.journal.Event;

/** What a run reports while it goes, for a face to show. */
public interface DutyListener {
    DutyListener NONE = new DutyListener() { };

    /** A step starts ({@link org.hygie.practice.journal.Step} code), for a medium or none. */
    default void starting(String step, String medium) {
    }

    /** A step was recorded in the journal. */
    default void recorded(Event event) {
    }
}
