package org.hygie.practice.duty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hygie.practice.config.Medium;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.journal.VerifyCycle;

/**
 * Which share of a medium to read back tonight so that every pack is read within {@code read-all-within}.
 * A cycle splits the packs in {@code m} groups (restic's {@code --read-data-subset n/m}, by the first byte of
 * the pack id) and reads them in turn, one group a night. {@code m} is half the nights the medium is expected
 * to be here during the period (a rotating disk is here one period in {@code k} for {@code k} rotating disks),
 * so a cycle normally ends well before its deadline; when nights run short, or on the last night before the
 * deadline, the remaining groups are read at once, and a cycle past its deadline is finished at the first
 * night the medium is back (and said late).
 */
public final class VerifyPlanner {
    /** restic groups by the first byte of the pack id: more than 256 groups would leave some empty. */
    static final int MAX_GROUPS = 256;

    private VerifyPlanner() {
    }

    /**
     * @param cycle  the cycle after tonight's reading (to be saved once the reading is done)
     * @param groups the groups to read tonight (1-based, ascending)
     * @param late   the cycle has passed its deadline without being complete
     */
    public record Plan(VerifyCycle cycle, List<Integer> groups, boolean late) {
        public boolean all() {
            return groups.size() == cycle.groups();
        }

        public boolean completes() {
            return cycle.complete();
        }

        public String describe() {
            int first = groups.get(0);
            int last = groups.get(groups.size() - 1);
            return (first == last ? String.valueOf(first) : first + "-" + last) + "/" + cycle.groups();
        }
    }

    public static int groupsFor(Medium m, PracticeConfig config) {
        long period = config.verify().readAllWithin().approxDays();
        long nights = m.rotates() ? period / Math.max(1, config.rotatingCount()) : period;
        return (int) Math.max(1, Math.min(MAX_GROUPS, nights / 2));
    }

    public static Plan plan(Optional<VerifyCycle> current, Medium m, PracticeConfig config, Instant now) {
        VerifyCycle c = current.filter(x -> !x.complete()).orElse(null);
        if (c == null) {
            c = new VerifyCycle(m.name(), now, groupsFor(m, config), 1);
        }
        Instant deadline = config.verify().readAllWithin().after(c.started());
        boolean late = now.isAfter(deadline);
        long nightsLeft = Math.max(1, Duration.between(now, deadline).toDays());
        if (m.rotates() && !late) {
            nightsLeft = Math.max(1, nightsLeft / Math.max(1, config.rotatingCount()));
        }
        int remaining = c.remaining();
        int tonight;
        if (late || nightsLeft <= 1) {
            tonight = remaining;
        } else {
            tonight = (int) Math.min(remaining, Math.max(1, (remaining + nightsLeft - 1) / nightsLeft));
        }
        List<Integer> groups = new ArrayList<>();
        for (int g = c.next(); g < c.next() + tonight; g++) {
            groups.add(g);
        }
        return new Plan(new VerifyCycle(c.medium(), c.started(), c.groups(), c.next() + tonight), groups, late);
    }
}
