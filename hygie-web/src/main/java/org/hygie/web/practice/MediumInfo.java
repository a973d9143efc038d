package org.hygie.web.practice;

import java.time.Duration;
import java.time.Instant;

/**
 * One medium of the plan and where it is.
 *
 * @param name         short name ({@code disque-A})
 * @param location     repository location as restic writes it (passwords already removed)
 * @param rotation     how long it stays in place before being swapped, null for an always-on medium
 * @param offsite      kept outside the practice
 * @param keptAt       where it is kept when away (free text from the configuration), or null
 * @param present      whether it was found in place at the last look
 * @param since        since when it has been in place (present) or away (not present); null when unknown
 * @param lastBackup   last successful backup onto it, or null
 * @param lastVerified last verification of its data, or null
 * @param swapDue      whether the practice layer says it should have been swapped by now
 */
public record MediumInfo(String name, String location, Duration rotation, boolean offsite, String keptAt,
                         boolean present, Instant since, Instant lastBackup, Instant lastVerified, boolean swapDue) {
    public boolean rotates() {
        return rotation != null;
    }
}
