package org.hygie.audit.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;
import org.hygie.audit.fact.Facts;
import org.junit.jupiter.api.Test;

class SupportNormaliserTest {
    private static Facts at(String product, String cycle, String when) {
        Facts f = new Facts(List.of(Fact.of("os.product", product, "t"), Fact.of("os.cycle", cycle, "t")));
        new SupportNormaliser(EolTable.builtIn()).apply(f, Clock.fixed(Instant.parse(when), ZoneOffset.UTC));
        return f;
    }

    private static Object v(Facts f, String id) {
        return f.get(id).orElseThrow().value();
    }

    @Test
    void debian_12_goes_from_supported_to_lts_to_ended() {
        Facts before = at("debian", "12", "2026-03-12T00:00:00Z");
        assertEquals("supported", v(before, SupportNormaliser.LEVEL));
        assertEquals(90L, v(before, SupportNormaliser.DAYS_LEFT));
        assertEquals("extended", v(at("debian", "12", "2026-11-28T00:00:00Z"), SupportNormaliser.LEVEL));
        Facts after = at("debian", "12", "2028-07-01T00:00:00Z");
        assertEquals("ended", v(after, SupportNormaliser.LEVEL));
        assertEquals("2028-06-30", v(after, SupportNormaliser.EOL_DATE));
    }

    @Test
    void releases_without_an_end_date_are_maintained() {
        assertEquals("maintained", v(at("macos", "15", "2026-11-28T00:00:00Z"), SupportNormaliser.LEVEL));
    }

    @Test
    void windows_10_ended_without_extended_updates() {
        assertEquals("ended", v(at("windows", "10-22h2-w", "2025-10-15T00:00:00Z"), SupportNormaliser.LEVEL));
    }

    @Test
    void a_release_missing_from_the_table_is_unknown_not_supported() {
        Facts f = at("ubuntu", "99.04", "2026-11-28T00:00:00Z");
        assertEquals(FactStatus.NOT_SUPPORTED, f.get(SupportNormaliser.LEVEL).orElseThrow().status());
    }

    @Test
    void the_table_says_when_its_data_was_taken() {
        assertEquals("2026-08-22", EolTable.builtIn().dataDate().toString());
    }
}
