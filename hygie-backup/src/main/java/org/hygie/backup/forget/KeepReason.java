package org.hygie.backup.forget;

import java.util.List;
import org.hygie.repository.Repository;

/**
 * Why a snapshot is kept, in restic's words ({@code "daily snapshot"}, {@code "within 1y"},
 * {@code "has tags [a, b]"}, {@code "monthly within 6m"}), plus Hygie's {@code "legal yearly within 48y"}, and
 * how many snapshots each counting rule may still keep after this one.
 */
public record KeepReason(Repository.SnapshotEntry snapshot, List<String> matches, Counters counters) {

    /** What the counting rules have left: restic's {@code counters}. */
    public record Counters(int last, int hourly, int daily, int weekly, int monthly, int yearly) {
        public static final Counters NONE = new Counters(0, 0, 0, 0, 0, 0);
    }
}
