/**
 * Rules as data: the catalogue ({@code catalogue.json} resource) gives, per guide point, the facts used,
 * thresholds, ordered grade lines written in a small condition language, and texts in French and English.
 * The evaluator judges facts with them; it never runs a command.
 */
package org.hygie.audit.rule;
