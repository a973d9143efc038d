package org.hygie.practice.status;

import java.time.Instant;
import org.hygie.practice.journal.Outcome;

/**
 * One medium in the status: where it is, and when it was last backed up, verified and drilled.
 *
 * @param presence     {@code present}, {@code away}, or {@code unknown} (never seen), as of the last duty
 * @param pluggedNow   for a folder medium, whether its folder holds a repository right now; null for a server
 * @param fullReadSince when the current verification cycle started, if it is complete: every pack read since
 */
public record MediumStatus(String name, boolean rotates, boolean offsite, String location, String keptAt,
        String repositoryId, String presence, Boolean pluggedNow, Instant presentSince, Instant awaySince,
        Instant lastSeen, Instant lastBackup, String lastSnapshot, Instant lastVerify, Outcome lastVerifyOutcome,
        String verifyShare, Instant fullReadSince, Instant lastDrill, Outcome lastDrillOutcome, Long usable,
        Long total, String smart) {
}
