package org.hygie.audit.result;

/**
 * The score of one guide section (or of the whole audit).
 *
 * @param section  section id, or {@code overall}
 * @param title    section title in the report's language
 * @param score    0–100 from the graded points weighed by severity (pass 1, warn ½, fail 0); null when none graded
 * @param coverage 0–100: share of the applicable points that could be graded
 * @param pass     number of points passed
 * @param warn     number of warnings
 * @param fail     number of failures
 * @param unknown  number of points that could not be checked
 * @param manual   number of points awaiting an attestation
 * @param notApplicable number of points that do not apply
 */
public record SectionScore(String section, String title, Integer score, int coverage, int pass, int warn, int fail,
                           int unknown, int manual, int notApplicable) {
}
