package org.hygie.web.practice;

import java.time.LocalDate;

/**
 * What happened on one medium one night.
 *
 * @param date   the night (the date the duty started)
 * @param status the outcome
 * @param detail one line for the tooltip and the report, or null
 */
public record Night(LocalDate date, NightStatus status, String detail) {
}
