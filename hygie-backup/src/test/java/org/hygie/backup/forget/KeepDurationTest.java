package org.hygie.backup.forget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class KeepDurationTest {
    @Test
    void parses_restic_durations_and_prints_them_back() {
        assertEquals(new KeepDuration(1, 2, 3, 4), KeepDuration.parse("1y2m3d4h"));
        assertEquals("1y2m3d4h", KeepDuration.parse(" 4h3d2m1y ").toString());
        assertEquals(new KeepDuration(0, 0, 14, 0), KeepDuration.parse("14d"));
        assertEquals(new KeepDuration(48, 0, 0, 0), KeepDuration.parse("48y"));
        assertEquals(new KeepDuration(0, 0, 2, 0), KeepDuration.parse("1d2d"), "a later unit replaces, as restic");
        assertTrue(KeepDuration.parse("").isZero());
        assertTrue(KeepDuration.parse("-1d").isNegative());
    }

    @Test
    void refuses_what_restic_refuses() {
        assertEquals("no unit found after number 5", assertThrows(IllegalArgumentException.class,
                () -> KeepDuration.parse("5")).getMessage());
        assertEquals("invalid unit 'w' found after number 2", assertThrows(IllegalArgumentException.class,
                () -> KeepDuration.parse("2w")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> KeepDuration.parse("d"));
        assertThrows(IllegalArgumentException.class, () -> KeepDuration.parse("99999999999d"));
    }

    @Test
    void subtracts_months_as_go_normalises_them() {
        OffsetDateTime t = OffsetDateTime.parse("2024-03-31T10:00:00Z");
        assertEquals(Instant.parse("2024-03-02T10:00:00Z"), KeepDuration.parse("1m").before(t, ZoneOffset.UTC),
                "Go: 31 February 2024 is 2 March");
        assertEquals(Instant.parse("2023-03-03T10:00:00Z"), KeepDuration.parse("1y1m").before(t, ZoneOffset.UTC));
        assertEquals(Instant.parse("2024-03-29T06:00:00Z"), KeepDuration.parse("2d4h").before(t, ZoneOffset.UTC));
        assertEquals(Instant.parse("2023-12-31T10:00:00Z"),
                KeepDuration.parse("3m").before(t, ZoneOffset.UTC), "31 December stays");
    }

    @Test
    void the_calendar_step_happens_in_the_local_zone_when_go_would_use_it() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        OffsetDateTime t = OffsetDateTime.parse("2024-04-01T02:30:00+02:00");
        ZoneId zone = GoTime.zoneOf("2024-04-01T02:30:00+02:00", t, paris);
        assertEquals(paris, zone);
        // the day before is 31 March 02:30, inside the spring gap: Go takes the winter offset
        assertEquals(Instant.parse("2024-03-31T01:30:00Z"), KeepDuration.parse("1d").before(t, zone));
        assertEquals(ZoneOffset.UTC, GoTime.zoneOf("2024-11-05T10:00:00Z", OffsetDateTime.parse(
                "2024-11-05T10:00:00Z"), ZoneId.of("Europe/London")), "Z is UTC for Go, never Local");
        assertEquals(ZoneOffset.ofHours(5), GoTime.zoneOf("2024-11-05T10:00:00+05:00", OffsetDateTime.parse(
                "2024-11-05T10:00:00+05:00"), paris), "an offset that is not local is a fixed zone");
    }
}
