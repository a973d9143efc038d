package org.hygie.practice.journal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One line of the journal.
 *
 * @param id      row id, increasing
 * @param run     the run it belongs to
 * @param at      when it happened (the duty's clock)
 * @param step    what kind of step ({@link Step})
 * @param medium  the medium concerned, or null
 * @param outcome how it ended
 * @param summary one line, in English, for the helper reading the journal
 * @param data    the step's details as JSON (an object, never null)
 */
public record Event(long id, long run, Instant at, String step, String medium, Outcome outcome, String summary,
        JsonNode data) {
}
