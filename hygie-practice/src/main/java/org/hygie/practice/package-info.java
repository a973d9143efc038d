/**
 * The practice layer (DESIGN.md §2, §4, §5): a practice's configuration, its media plan, the nightly duty, the
 * journal, status, restore drills, native schedules, mail alerts, set-up, the recovery kit and the GDPR file. It
 * sits above the capabilities ({@code hygie-backup}, {@code hygie-audit}, {@code hygie-repository}) and below the
 * faces; it has no console: every text it produces (mails, warnings, the recovery kit) comes from its own bundles,
 * French first.
 */
package org.hygie.practice;
