package org.hygie.web.practice;

/**
 * An action the practice layer asks of the doctor.
 *
 * @param urgent whether it is urgent (red) rather than a reminder (orange)
 * @param text   the sentence, in the practice's language
 * @param action what to do, or null
 */
public record Notice(boolean urgent, String text, String action) {
}
