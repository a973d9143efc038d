package org.hygie.audit.backup;

import java.time.Instant;

/**
 * The state of Hygie's backups on this workstation.
 *
 * @param configured   whether a Hygie backup is set up
 * @param lastSuccess  last successful backup, null when none
 * @param lastOffsite  last successful backup onto a medium kept outside the practice, null when none
 * @param lastVerified last verification of media and data integrity, null when none
 */
public record BackupStatus(boolean configured, Instant lastSuccess, Instant lastOffsite, Instant lastVerified) {
    public static BackupStatus notConfigured() {
        return new BackupStatus(false, null, null, null);
    }
}
