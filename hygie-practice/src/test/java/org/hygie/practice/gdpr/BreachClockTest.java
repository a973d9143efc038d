package org.hygie.practice.gdpr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The 72-hour clock of a breach (GDPR art. 33.1), with the time set by the test. */
class BreachClockTest {
    static final Instant DISCOVERED = Instant.parse("2026-03-02T09:15:00Z");

    static Breach breach(Decision d) {
        return new Breach("2026-1", DISCOVERED, DISCOVERED.plusSeconds(600), "portable volé", "", "", "", "", d);
    }

    @Property
    void within_72_hours_an_undecided_breach_is_open_with_the_whole_hours_left(
            @ForAll @LongRange(min = 0, max = 72 * 60) long minutesSinceDiscovery) {
        BreachClock c = BreachClock.of(breach(null), DISCOVERED.plus(Duration.ofMinutes(minutesSinceDiscovery)));
        assertEquals(BreachClock.State.OPEN, c.state());
        assertEquals((72 * 60 - minutesSinceDiscovery) / 60, c.hoursLeft());
        assertEquals(DISCOVERED.plus(Duration.ofHours(72)), c.deadline());
        assertTrue(c.undecided());
        assertFalse(c.pastDeadline());
    }

    @Property
    void past_72_hours_an_undecided_breach_is_late_by_the_whole_hours_past_the_deadline(
            @ForAll @LongRange(min = 72 * 60 + 1, max = 400 * 24 * 60) long minutesSinceDiscovery) {
        BreachClock c = BreachClock.of(breach(null), DISCOVERED.plus(Duration.ofMinutes(minutesSinceDiscovery)));
        assertEquals(BreachClock.State.LATE, c.state());
        assertEquals((minutesSinceDiscovery - 72 * 60) / 60, c.hoursLate());
        assertEquals(0, c.hoursLeft());
        assertTrue(c.undecided());
        assertTrue(c.pastDeadline());
    }

    @Property
    void a_decision_closes_the_clock_whenever_it_is_read(
            @ForAll @LongRange(min = 0, max = 400 * 24 * 60) long minutesSinceDiscovery,
            @ForAll boolean notified) {
        Instant at = DISCOVERED.plus(Duration.ofHours(30));
        Decision d = notified ? Decision.notifiedAt(at, "CNIL-123") : Decision.notNotified(at, "disque chiffré");
        BreachClock c = BreachClock.of(breach(d), DISCOVERED.plus(Duration.ofMinutes(minutesSinceDiscovery)));
        assertEquals(notified ? BreachClock.State.NOTIFIED : BreachClock.State.NOT_NOTIFIED, c.state());
        assertFalse(c.undecided());
        assertFalse(c.decidedLate());
    }

    @Test
    void examples_an_hour_after_discovery_at_the_deadline_and_just_after() {
        assertEquals(71, BreachClock.of(breach(null), DISCOVERED.plus(Duration.ofHours(1))).hoursLeft());
        BreachClock atDeadline = BreachClock.of(breach(null), DISCOVERED.plus(Duration.ofHours(72)));
        assertEquals(BreachClock.State.OPEN, atDeadline.state());
        assertEquals(0, atDeadline.hoursLeft());
        BreachClock after = BreachClock.of(breach(null), DISCOVERED.plus(Duration.ofHours(72)).plusSeconds(1));
        assertEquals(BreachClock.State.LATE, after.state());
        assertEquals(0, after.hoursLate());
        assertEquals(26, BreachClock.of(breach(null), DISCOVERED.plus(Duration.ofHours(98))).hoursLate());
    }

    @Test
    void a_notification_after_the_deadline_is_closed_but_says_it_came_late() {
        Instant at = DISCOVERED.plus(Duration.ofHours(80));
        BreachClock c = BreachClock.of(breach(Decision.notifiedAt(at, null)), at.plus(Duration.ofDays(3)));
        assertEquals(BreachClock.State.NOTIFIED, c.state());
        assertTrue(c.decidedLate());
        assertEquals(8, c.hoursLate());
    }
}
