package org.hygie.backup.forget;

import java.util.ArrayList;
import java.util.List;

/** restic's forget flags, read into Hygie's options: the same words drive both sides of the table test. */
final class PolicyArgs {
    private PolicyArgs() {
    }

    static ForgetOptions parse(List<String> args) {
        ForgetPolicy.Builder p = ForgetPolicy.builder();
        List<String> hosts = new ArrayList<>();
        List<List<String>> tags = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        GroupBy groupBy = GroupBy.DEFAULT;
        for (int i = 0; i < args.size(); i += 2) {
            String flag = args.get(i);
            String v = args.get(i + 1);
            switch (flag) {
                case "--keep-last" -> p.keepLast(Integer.parseInt(v));
                case "--keep-hourly" -> p.keepHourly(Integer.parseInt(v));
                case "--keep-daily" -> p.keepDaily(Integer.parseInt(v));
                case "--keep-weekly" -> p.keepWeekly(Integer.parseInt(v));
                case "--keep-monthly" -> p.keepMonthly(Integer.parseInt(v));
                case "--keep-yearly" -> p.keepYearly(Integer.parseInt(v));
                case "--keep-within" -> p.keepWithin(KeepDuration.parse(v));
                case "--keep-within-hourly" -> p.keepWithinHourly(KeepDuration.parse(v));
                case "--keep-within-daily" -> p.keepWithinDaily(KeepDuration.parse(v));
                case "--keep-within-weekly" -> p.keepWithinWeekly(KeepDuration.parse(v));
                case "--keep-within-monthly" -> p.keepWithinMonthly(KeepDuration.parse(v));
                case "--keep-within-yearly" -> p.keepWithinYearly(KeepDuration.parse(v));
                case "--keep-tag" -> p.keepTag(SnapshotFilter.tagList(v));
                case "--host" -> hosts.add(v);
                case "--tag" -> tags.add(SnapshotFilter.tagList(v));
                case "--path" -> paths.add(v);
                case "--group-by" -> groupBy = GroupBy.parse(v);
                default -> throw new IllegalArgumentException("flag not in the table test: " + flag);
            }
        }
        return ForgetOptions.of(p.build()).withFilter(new SnapshotFilter(hosts, tags, paths)).withGroupBy(groupBy);
    }
}
