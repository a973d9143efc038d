package org.hygie.backup.forget;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;
import org.hygie.repository.Repository;

/**
 * restic 0.14's {@code ApplyPolicy}, line by line. Snapshots are walked newest first. A counting rule keeps a
 * snapshot when its period (hour, day, ISO week, month, year on the snapshot's own wall clock) differs from the
 * period of the last snapshot that rule kept, while its count lasts; so it keeps the newest snapshot of each of the
 * n latest periods. A within rule measures from the newest snapshot that is not in the future, with Go's
 * calendar arithmetic ({@link KeepDuration#before}); the periodic within rules keep the newest snapshot of each
 * period after that limit, without a count. Snapshots of the same instant are taken in id order (restic's order for
 * them depends on the listing, so it varies).
 */
final class KeepRules {
    private static final Comparator<Repository.SnapshotEntry> NEWEST_FIRST = Comparator
            .comparing((Repository.SnapshotEntry e) -> e.snapshot().instant().toInstant()).reversed()
            .thenComparing(Repository.SnapshotEntry::id);

    private KeepRules() {
    }

    /** A rule that counts down: restic's {@code buckets}. */
    private static final class Counting {
        final String reason;
        final ToLongFunction<OffsetDateTime> period;
        int count;
        long last = -1;

        Counting(int count, String reason, ToLongFunction<OffsetDateTime> period) {
            this.count = count;
            this.reason = reason;
            this.period = period;
        }
    }

    /** A rule bounded in time: restic's {@code bucketsWithin}. */
    private static final class Within {
        final KeepDuration duration;
        final String reason;
        final ToLongFunction<OffsetDateTime> period;
        long last = -1;

        Within(KeepDuration duration, String reason, ToLongFunction<OffsetDateTime> period) {
            this.duration = duration;
            this.reason = reason;
            this.period = period;
        }
    }

    static ForgetGroup apply(GroupKey key, List<Repository.SnapshotEntry> group, ForgetPolicy p, Instant now,
            ZoneId localZone) {
        List<Repository.SnapshotEntry> list = new ArrayList<>(group);
        list.sort(NEWEST_FIRST);
        List<Repository.SnapshotEntry> keep = new ArrayList<>();
        List<Repository.SnapshotEntry> remove = new ArrayList<>();
        List<KeepReason> reasons = new ArrayList<>();
        if (p.isEmpty()) {
            for (Repository.SnapshotEntry e : list) {
                keep.add(e);
                reasons.add(new KeepReason(e, List.of("policy is empty"), KeepReason.Counters.NONE));
            }
            return new ForgetGroup(key, keep, remove, reasons);
        }
        if (list.isEmpty()) {
            return new ForgetGroup(key, keep, remove, reasons);
        }
        Counting[] counting = {
            new Counting(p.last(), "last snapshot", null),
            new Counting(p.hourly(), "hourly snapshot", KeepRules::hour),
            new Counting(p.daily(), "daily snapshot", KeepRules::day),
            new Counting(p.weekly(), "weekly snapshot", KeepRules::week),
            new Counting(p.monthly(), "monthly snapshot", KeepRules::month),
            new Counting(p.yearly(), "yearly snapshot", KeepRules::year),
        };
        Within[] within = {
            new Within(p.withinHourly(), "hourly within", KeepRules::hour),
            new Within(p.withinDaily(), "daily within", KeepRules::day),
            new Within(p.withinWeekly(), "weekly within", KeepRules::week),
            new Within(p.withinMonthly(), "monthly within", KeepRules::month),
            new Within(p.withinYearly(), "yearly within", KeepRules::year),
        };
        Latest latest = Latest.of(list, now, localZone);

        for (int nr = 0; nr < list.size(); nr++) {
            Repository.SnapshotEntry cur = list.get(nr);
            OffsetDateTime time = cur.snapshot().instant();
            Instant instant = time.toInstant();
            boolean keepIt = false;
            List<String> why = new ArrayList<>();
            for (List<String> tags : p.keepTags()) {
                if (SnapshotFilter.hasTags(cur.snapshot(), tags)) {
                    keepIt = true;
                    why.add("has tags [" + String.join(", ", tags) + "]");
                }
            }
            if (!p.within().isZero() && instant.isAfter(latest.minus(p.within()))) {
                keepIt = true;
                why.add("within " + p.within());
            }
            for (Counting b : counting) {
                if (b.count > 0) {
                    long val = b.period == null ? nr : b.period.applyAsLong(time);
                    if (val != b.last) {
                        keepIt = true;
                        b.last = val;
                        b.count--;
                        why.add(b.reason);
                    }
                }
            }
            for (Within b : within) {
                if (!b.duration.isZero() && instant.isAfter(latest.minus(b.duration))) {
                    long val = b.period.applyAsLong(time);
                    if (val != b.last) {
                        keepIt = true;
                        b.last = val;
                        why.add(b.reason + " " + b.duration);
                    }
                }
            }
            if (keepIt) {
                keep.add(cur);
                reasons.add(new KeepReason(cur, why, new KeepReason.Counters(counting[0].count, counting[1].count,
                        counting[2].count, counting[3].count, counting[4].count, counting[5].count)));
            } else {
                remove.add(cur);
            }
        }
        return new ForgetGroup(key, keep, remove, reasons);
    }

    /** The newest snapshot time not in the future (restic's {@code findLatestTimestamp}), and limits from it. */
    private record Latest(OffsetDateTime time, ZoneId zone) {
        static Latest of(List<Repository.SnapshotEntry> list, Instant now, ZoneId localZone) {
            Repository.SnapshotEntry found = null;
            Instant best = Instant.parse("0001-01-01T00:00:00Z");
            for (Repository.SnapshotEntry e : list) {
                Instant t = e.snapshot().instant().toInstant();
                if (t.isAfter(best) && t.isBefore(now)) {
                    best = t;
                    found = e;
                }
            }
            if (found == null) {
                // Go's zero time, in UTC: every snapshot is "within" any duration of it
                return new Latest(OffsetDateTime.parse("0001-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
            }
            OffsetDateTime t = found.snapshot().instant();
            return new Latest(t, GoTime.zoneOf(found.snapshot().time(), t, localZone));
        }

        Instant minus(KeepDuration d) {
            return d.before(time, zone);
        }
    }

    static long hour(OffsetDateTime d) {
        return d.getYear() * 1_000_000L + d.getMonthValue() * 10_000L + d.getDayOfMonth() * 100L + d.getHour();
    }

    static long day(OffsetDateTime d) {
        return d.getYear() * 10_000L + d.getMonthValue() * 100L + d.getDayOfMonth();
    }

    static long week(OffsetDateTime d) {
        return d.get(IsoFields.WEEK_BASED_YEAR) * 100L + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    static long month(OffsetDateTime d) {
        return d.getYear() * 100L + d.getMonthValue();
    }

    static long year(OffsetDateTime d) {
        return d.getYear();
    }
}
