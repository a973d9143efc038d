package org.hygie.backup.forget;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * restic's {@code forget} policy: keep the {@code last} n snapshots, the last snapshot of each of the n latest
 * hours, days, ISO weeks, months and years that have one, every snapshot within a duration of the newest, the
 * last of each hour, day, week, month or year within a duration, and every snapshot carrying one of the
 * {@code keepTags} lists (all tags of a list). A count of 0 or a zero duration turns its rule off; a policy with
 * every rule off is {@linkplain #isEmpty() empty} and removes nothing.
 *
 * <p>Negative counts are refused. restic 0.14 accepts {@code --keep-daily -1} but then keeps nothing by that
 * rule, so a policy of only {@code -1}s removes every snapshot (checked with restic 0.14.0); restic 0.15 made
 * {@code -1} mean "unlimited". Rather than pick one of two opposite meanings, Hygie asks for a number.
 */
public record ForgetPolicy(int last, int hourly, int daily, int weekly, int monthly, int yearly,
        KeepDuration within, KeepDuration withinHourly, KeepDuration withinDaily, KeepDuration withinWeekly,
        KeepDuration withinMonthly, KeepDuration withinYearly, List<List<String>> keepTags) {

    public ForgetPolicy {
        for (int n : new int[] {last, hourly, daily, weekly, monthly, yearly}) {
            if (n < 0) {
                throw new IllegalArgumentException("a keep count must be 0 or more, not " + n
                        + " (restic 0.14 would remove every snapshot with -1, restic 0.15+ would keep them all)");
            }
        }
        for (KeepDuration d : new KeepDuration[] {within, withinHourly, withinDaily, withinWeekly, withinMonthly,
            withinYearly}) {
            Objects.requireNonNull(d, "durations must be given (KeepDuration.ZERO for none)");
            if (d.isNegative()) {
                throw new IllegalArgumentException("a keep-within duration cannot be negative: " + d);
            }
        }
        List<List<String>> tags = new ArrayList<>();
        for (List<String> l : keepTags) {
            tags.add(List.copyOf(l));
        }
        keepTags = List.copyOf(tags);
    }

    /** The policy that keeps everything (restic: "no policy was specified, no snapshots will be removed"). */
    public static ForgetPolicy none() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True when no rule is set: such a policy removes nothing. */
    public boolean isEmpty() {
        return last == 0 && hourly == 0 && daily == 0 && weekly == 0 && monthly == 0 && yearly == 0
                && within.isZero() && withinHourly.isZero() && withinDaily.isZero() && withinWeekly.isZero()
                && withinMonthly.isZero() && withinYearly.isZero() && keepTags.isEmpty();
    }

    /** Builds a policy rule by rule; unset rules are off. */
    public static final class Builder {
        private int last;
        private int hourly;
        private int daily;
        private int weekly;
        private int monthly;
        private int yearly;
        private KeepDuration within = KeepDuration.ZERO;
        private KeepDuration withinHourly = KeepDuration.ZERO;
        private KeepDuration withinDaily = KeepDuration.ZERO;
        private KeepDuration withinWeekly = KeepDuration.ZERO;
        private KeepDuration withinMonthly = KeepDuration.ZERO;
        private KeepDuration withinYearly = KeepDuration.ZERO;
        private final List<List<String>> keepTags = new ArrayList<>();

        private Builder() {
        }

        public Builder keepLast(int n) {
            last = n;
            return this;
        }

        public Builder keepHourly(int n) {
            hourly = n;
            return this;
        }

        public Builder keepDaily(int n) {
            daily = n;
            return this;
        }

        public Builder keepWeekly(int n) {
            weekly = n;
            return this;
        }

        public Builder keepMonthly(int n) {
            monthly = n;
            return this;
        }

        public Builder keepYearly(int n) {
            yearly = n;
            return this;
        }

        public Builder keepWithin(KeepDuration d) {
            within = d;
            return this;
        }

        public Builder keepWithinHourly(KeepDuration d) {
            withinHourly = d;
            return this;
        }

        public Builder keepWithinDaily(KeepDuration d) {
            withinDaily = d;
            return this;
        }

        public Builder keepWithinWeekly(KeepDuration d) {
            withinWeekly = d;
            return this;
        }

        public Builder keepWithinMonthly(KeepDuration d) {
            withinMonthly = d;
            return this;
        }

        public Builder keepWithinYearly(KeepDuration d) {
            withinYearly = d;
            return this;
        }

        /** Keeps every snapshot that has all of {@code tags} (restic's {@code --keep-tag a,b}); repeatable. */
        public Builder keepTag(List<String> tags) {
            keepTags.add(List.copyOf(tags));
            return this;
        }

        public ForgetPolicy build() {
            return new ForgetPolicy(last, hourly, daily, weekly, monthly, yearly, within, withinHourly, withinDaily,
                    withinWeekly, withinMonthly, withinYearly, keepTags);
        }
    }
}
