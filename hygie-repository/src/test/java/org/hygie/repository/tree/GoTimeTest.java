package org.hygie.repository.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class GoTimeTest {

    @Test
    void formats_like_go_rfc3339_nano() {
        for (String s : new String[] {"2015-11-10T22:11:26.461867048+01:00", "2021-02-27T23:12:37.97+01:00",
                "2026-11-28T14:47:32Z", "2026-11-28T14:47:32.000000001-03:30", "0001-01-01T00:00:00Z",
                "0000-02-29T00:00:00.1Z", "9999-12-31T23:59:59.999999999+14:00"}) {
            assertEquals(s, GoTime.format(GoTime.parse(s)));
        }
    }

    @Test
    void zero_is_gos_zero_time() {
        assertEquals("0001-01-01T00:00:00Z", GoTime.format(GoTime.ZERO));
    }

    @Test
    void drops_the_seconds_of_an_offset_as_go_does() {
        OffsetDateTime lmt = OffsetDateTime.of(1900, 1, 1, 12, 0, 0, 0, ZoneOffset.ofHoursMinutesSeconds(0, 9, 21));
        assertEquals("1900-01-01T12:00:00+00:09", GoTime.format(lmt));
        OffsetDateTime west = OffsetDateTime.of(1900, 1, 1, 12, 0, 0, 0, ZoneOffset.ofHoursMinutesSeconds(0, -17, -30));
        assertEquals("1900-01-01T12:00:00-00:17", GoTime.format(west));
        OffsetDateTime tiny = OffsetDateTime.of(1900, 1, 1, 12, 0, 0, 0, ZoneOffset.ofTotalSeconds(-30));
        assertEquals("1900-01-01T12:00:00+00:00", GoTime.format(tiny), "Go: zone minutes 0, sign from minutes");
    }

    @Test
    void uses_the_zone_offset_of_the_instant() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        assertEquals("2024-07-01T12:00:00.5+02:00", GoTime.format(GoTime.ofEpoch(1719828000L, 500_000_000, paris)));
        assertEquals("2024-01-01T01:00:00+01:00", GoTime.format(GoTime.ofEpoch(1704067200L, 0, paris)));
        assertEquals("1969-12-31T23:59:59.999999999Z", GoTime.format(GoTime.ofEpoch(-1, 999_999_999, ZoneOffset.UTC)));
    }

    @Test
    void fix_year_clamps_like_restic() {
        assertEquals("0000-03-04T05:06:07Z", GoTime.format(GoTime.fixYear(OffsetDateTime.of(-42, 3, 4, 5, 6, 7, 0, ZoneOffset.UTC))));
        assertEquals("9999-03-01T00:00:00Z", GoTime.format(GoTime.fixYear(OffsetDateTime.of(12000, 2, 29, 0, 0, 0, 0, ZoneOffset.UTC))));
        assertThrows(IllegalArgumentException.class, () -> GoTime.format(OffsetDateTime.of(10000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
    }

    @Test
    void parses_any_fraction_and_offset() {
        assertEquals(OffsetDateTime.of(2020, 1, 2, 3, 4, 5, 123_456_789, ZoneOffset.ofHours(-7)),
                GoTime.parse("2020-01-02T03:04:05.1234567891234-07:00"));
        assertEquals(OffsetDateTime.of(2020, 1, 2, 3, 4, 5, 100_000_000, ZoneOffset.UTC), GoTime.parse("2020-01-02T03:04:05,1Z"));
        assertEquals(OffsetDateTime.of(2020, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHoursMinutes(5, 45)), GoTime.parse("2020-01-02T03:04:05+05:45"));
    }

    @Test
    void refuses_what_go_refuses() {
        for (String bad : new String[] {"", "2020-01-02 03:04:05Z", "2020-01-02T03:04:05", "2020-01-02T03:04:05.Z",
                "2020-02-30T03:04:05Z", "2020-01-02T24:04:05Z", "2020-01-02T03:04:60Z", "2020-01-02T03:04:05+0100",
                "2020-01-02T03:04:05+01:00x", "20-01-02T03:04:05Z", "2020-01-02T03:04:05z", "2020-01-02T03:04:05+19:00",
                "２020-01-02T03:04:05Z"}) {
            assertThrows(IllegalArgumentException.class, () -> GoTime.parse(bad), bad);
        }
    }

    @Provide
    Arbitrary<OffsetDateTime> times() {
        return Combinators.combine(
                Arbitraries.longs().between(-62_135_596_800L, 253_402_300_799L - 86_400),
                Arbitraries.integers().between(0, 999_999_999),
                Arbitraries.integers().between(-18 * 60, 18 * 60))
                .as((s, n, m) -> GoTime.ofEpoch(s, n, ZoneOffset.ofTotalSeconds(m * 60)));
    }

    @Property(tries = 2000)
    void parse_inverts_format(@ForAll("times") OffsetDateTime t) {
        assertEquals(t, GoTime.parse(GoTime.format(t)));
    }
}
