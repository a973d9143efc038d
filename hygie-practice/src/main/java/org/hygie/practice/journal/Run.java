package org.hygie.practice.journal;

import java.time.Instant;

/**
 * One run: a nightly duty, a drill, a backup before an update, a set-up.
 *
 * @param finished null while running (or when it was killed)
 * @param outcome  null while running
 */
public record Run(long id, String kind, Instant started, Instant finished, Outcome outcome, String host) {
}
