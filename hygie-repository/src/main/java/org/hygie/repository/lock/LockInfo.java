package org.hygie.repository.lock;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.hygie.repository.host.Host;
import org.hygie.repository.id.Id;

/** A lock found in the repository, and whether it is stale by restic's rules. */
public record LockInfo(Id id, LockJson lock) {
    /** A lock not refreshed for this long is stale. */
    public static final Duration STALE_AFTER = Duration.ofMinutes(30);

    /** Stale: older than 30 minutes, or made on this host by a process that no longer runs. */
    public boolean isStale(Instant now) {
        Instant time;
        try {
            time = OffsetDateTime.parse(lock.time()).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            return true;
        }
        if (Duration.between(time, now).compareTo(STALE_AFTER) > 0) {
            return true;
        }
        return Host.hostname().equals(lock.hostname()) && ProcessHandle.of(lock.pid()).isEmpty();
    }

    /** Whether this lock stops a lock of the given kind from being taken. */
    public boolean conflictsWith(boolean exclusive) {
        return exclusive || lock.exclusive();
    }
}
