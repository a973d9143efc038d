package org.hygie.practice.duty;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.journal.Journal;
import org.hygie.practice.journal.Run;

/** When the nightly duty is due: after each scheduled time, once. */
public final class Schedule {
    private Schedule() {
    }

    /** The latest scheduled time at or before {@code now}. */
    public static Instant lastSlot(PracticeConfig config, Instant now, ZoneId zone) {
        ZonedDateTime z = now.atZone(zone);
        ZonedDateTime slot = z.toLocalDate().atTime(config.schedule()).atZone(zone);
        if (slot.isAfter(z)) {
            slot = slot.minusDays(1);
        }
        return slot.toInstant();
    }

    /**
     * Whether a duty should run now: none has started since the latest scheduled time (the computer was off or
     * asleep then). The schedulers start {@code hygie run --if-due} at log-on and wake-up to catch up.
     */
    public static boolean due(PracticeConfig config, Journal journal) {
        Instant now = journal.now();
        Optional<Run> last = journal.lastRun(DutyRunner.KIND_DUTY);
        return last.isEmpty() || last.get().started().isBefore(lastSlot(config, now, journal.clock().getZone()));
    }
}
