package org.hygie.backup.forget;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * The two corners of Go's {@code time} package that restic's policy depends on. A snapshot time read from JSON
 * lives in UTC when written with {@code Z}, in the local zone when its offset is the local zone's offset at that
 * instant, and in a fixed offset otherwise ({@code time.Parse}); and {@code time.Date} places a wall clock in a
 * zone by looking up the offset at the wall clock taken as UTC, then once more at the result.
 */
final class GoTime {
    private GoTime() {
    }

    /** The zone Go gives the time parsed from the RFC 3339 text {@code raw}, {@code localZone} being Go's Local. */
    static ZoneId zoneOf(String raw, OffsetDateTime t, ZoneId localZone) {
        if (raw.endsWith("Z") || raw.endsWith("z")) {
            return ZoneOffset.UTC;
        }
        ZoneOffset offset = t.getOffset();
        if (localZone.getRules().getOffset(t.toInstant()).equals(offset)) {
            return localZone;
        }
        return offset;
    }

    /** The instant of {@code wall} in {@code zone}, resolved as Go's {@code time.Date} does. */
    static Instant resolve(LocalDateTime wall, ZoneId zone) {
        long asUtc = wall.toEpochSecond(ZoneOffset.UTC);
        ZoneRules rules = zone.getRules();
        int offset = rules.getOffset(Instant.ofEpochSecond(asUtc)).getTotalSeconds();
        if (offset != 0) {
            long utc = asUtc - offset;
            int again = rules.getOffset(Instant.ofEpochSecond(utc)).getTotalSeconds();
            offset = again;
        }
        return Instant.ofEpochSecond(asUtc - offset, wall.getNano());
    }
}
