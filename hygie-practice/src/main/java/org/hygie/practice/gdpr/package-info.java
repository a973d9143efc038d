/**
 * The practice's GDPR file (DESIGN.md §1; guide: "Place du médecin - directive RGPD"): the register of processing
 * activities (GDPR art. 30, {@link org.hygie.practice.gdpr.Processing}), the breach log with its 72-hour clock
 * (art. 33, {@link org.hygie.practice.gdpr.Breach}, {@link org.hygie.practice.gdpr.BreachClock}), and the legal
 * retention of medical records read from the practice configuration. {@link org.hygie.practice.gdpr.GdprStore}
 * keeps it in {@code gdpr.json} in the practice's state folder (beside the journal; 0600, written whole and
 * atomically, validated when read); {@link org.hygie.practice.gdpr.GdprKeeper} makes the changes the commands ask
 * for; {@link org.hygie.practice.gdpr.GdprOverview} is what the faces show; {@link
 * org.hygie.practice.gdpr.PracticeGdprStatus} is what the audit's GDPR points read.
 */
package org.hygie.practice.gdpr;
