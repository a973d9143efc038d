package org.hygie.practice.duty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hygie.practice.TestPractice;
import org.hygie.practice.config.Medium;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.journal.Journal;
import org.hygie.practice.journal.Run;
import org.hygie.practice.journal.VerifyCycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rotating verification, missed nights, the schedule, SMART's device names. */
class PlanningTest {
    @TempDir
    Path tmp;

    @Test
    void everyGroupOfEveryDiskIsReadWithinThePeriodWhenDisksRotateWeekly() throws Exception {
        PracticeConfig config = new TestPractice(tmp).load();
        Medium a = config.media().get(0);
        Medium b = config.media().get(1);
        assertEquals(7, VerifyPlanner.groupsFor(a, config), "28 days, present half of them, one group every 2 nights");
        Map<String, Optional<VerifyCycle>> cycles = new HashMap<>(Map.of("disque-A", Optional.empty(),
                "disque-B", Optional.empty()));
        Map<String, Set<Integer>> read = new HashMap<>(Map.of("disque-A", new HashSet<>(), "disque-B", new HashSet<>()));
        Map<String, Instant> cycleStart = new HashMap<>();
        List<String> completions = new ArrayList<>();
        Instant start = LocalDateTime.of(2026, 3, 2, 2, 30).atZone(ZoneId.of("Europe/Paris")).toInstant();
        for (int night = 0; night < 120; night++) {
            Instant now = start.plus(Duration.ofDays(night));
            Medium m = (night / 7) % 2 == 0 ? a : b; // A one week, B the next
            VerifyPlanner.Plan plan = VerifyPlanner.plan(cycles.get(m.name()), m, config, now);
            assertFalse(plan.late(), "never late with a weekly rotation: night " + night);
            cycleStart.putIfAbsent(m.name(), plan.cycle().started());
            read.get(m.name()).addAll(plan.groups());
            cycles.put(m.name(), Optional.of(plan.cycle()));
            if (plan.completes()) {
                assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7), read.get(m.name()));
                assertTrue(Duration.between(cycleStart.get(m.name()), now).toDays() <= 28);
                completions.add(m.name());
                read.get(m.name()).clear();
                cycleStart.remove(m.name());
            }
        }
        assertTrue(completions.stream().filter(x -> x.equals("disque-A")).count() >= 4, completions.toString());
        assertTrue(completions.stream().filter(x -> x.equals("disque-B")).count() >= 4, completions.toString());
    }

    @Test
    void aCyclePastItsDeadlineIsFinishedAtOnceAndSaidLate() throws Exception {
        PracticeConfig config = new TestPractice(tmp).load();
        Medium a = config.media().get(0);
        Instant now = Instant.parse("2026-04-15T00:30:00Z");
        VerifyCycle old = new VerifyCycle("disque-A", now.minus(Duration.ofDays(40)), 7, 3);
        VerifyPlanner.Plan plan = VerifyPlanner.plan(Optional.of(old), a, config, now);
        assertTrue(plan.late());
        assertEquals(List.of(3, 4, 5, 6, 7), plan.groups());
        assertTrue(plan.completes());
        assertEquals("3-7/7", plan.describe());
    }

    @Test
    void missedNightsAndTheSchedule() throws Exception {
        TestPractice p = new TestPractice(tmp);
        PracticeConfig config = p.load();
        DutyRunner r = new DutyRunner(config, p.services(), DutyListener.NONE);
        Instant last = LocalDateTime.of(2026, 3, 2, 2, 30).atZone(p.clock.getZone()).toInstant();
        Run run = new Run(1, "duty", last, last.plusSeconds(60), null, "h");
        assertEquals(0, r.missedNights(Optional.of(run), last.plus(Duration.ofDays(1))));
        assertEquals(2, r.missedNights(Optional.of(run), last.plus(Duration.ofDays(3))));
        assertEquals(2, r.missedNights(Optional.of(run), last.plus(Duration.ofDays(3)).plusSeconds(8 * 3600)),
                "started at 10:30 on the 5th after nights 3, 4 and 5 were missed: two caught up, tonight's due");
        assertEquals(0, r.missedNights(Optional.empty(), last));

        p.clock.set(LocalDateTime.of(2026, 3, 2, 9, 0));
        try (Journal j = Journal.open(config.stateDir(), p.clock)) {
            assertTrue(Schedule.due(config, j), "never ran");
            long id = j.startRun(DutyRunner.KIND_DUTY, "h");
            j.finishRun(id, org.hygie.practice.journal.Outcome.OK);
            assertFalse(Schedule.due(config, j), "ran after this morning's 02:30");
            p.clock.set(LocalDateTime.of(2026, 3, 3, 2, 29));
            assertFalse(Schedule.due(config, j));
            p.clock.set(LocalDateTime.of(2026, 3, 3, 8, 0));
            assertTrue(Schedule.due(config, j), "the computer was off at 02:30: catch up at start");
        }
    }

    @Test
    void smartctlFindsTheWholeDiskAndReadsItsVerdict() {
        assertEquals("/dev/sdb", SmartProbe.Smartctl.wholeDisk("/dev/sdb1"));
        assertEquals("/dev/sda", SmartProbe.Smartctl.wholeDisk("/dev/sda"));
        assertEquals("/dev/nvme0n1", SmartProbe.Smartctl.wholeDisk("/dev/nvme0n1p2"));
        assertEquals("/dev/mmcblk0", SmartProbe.Smartctl.wholeDisk("/dev/mmcblk0p1"));
        assertEquals("/dev/disk4", SmartProbe.Smartctl.wholeDisk("/dev/disk4s1"));
        assertNull(SmartProbe.Smartctl.wholeDisk("/dev/mapper/luks-123"));
        assertNull(SmartProbe.Smartctl.wholeDisk("tmpfs"));

        String failing = "{\"json_format_version\":[1,0],\"device\":{\"name\":\"/dev/sdb\"},"
                + "\"model_name\":\"WDC WD20\",\"smart_status\":{\"passed\":false}}";
        SmartProbe probe = SmartProbe.smartctl(fake(Map.of("findmnt", "/dev/sdb1\n", "smartctl", failing)));
        SmartProbe.Result r = probe.check(Path.of("/media/disque-A/hygie"));
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertEquals(SmartProbe.Health.FAILED, r.health());
            assertEquals("/dev/sdb", r.device());
        }
        String usb = "{\"smartctl\":{\"messages\":[{\"string\":\"/dev/sdc: Unknown USB bridge [0x152d:0x0578]\","
                + "\"severity\":\"error\"}]}}";
        SmartProbe.Result u = SmartProbe.smartctl(fake(Map.of("findmnt", "/dev/sdc1\n", "smartctl", usb)))
                .check(Path.of("/media/x"));
        assertEquals(SmartProbe.Health.UNKNOWN, u.health());
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertTrue(u.detail().contains("Unknown USB bridge"), u.detail());
        }
        Commands none = new Commands() {
            @Override
            public Result run(List<String> argv, Path workDir, Duration limit) {
                throw new AssertionError("nothing runs when smartctl is absent");
            }

            @Override
            public boolean installed(String program) {
                return false;
            }
        };
        assertEquals("smartctl is not installed", SmartProbe.smartctl(none).check(Path.of("/x")).detail());
    }

    private static Commands fake(Map<String, String> outputs) {
        return new Commands() {
            @Override
            public Result run(List<String> argv, Path workDir, Duration limit) {
                return new Result(argv.get(0).equals("smartctl") ? 8 : 0, outputs.getOrDefault(argv.get(0), ""), "",
                        false);
            }

            @Override
            public boolean installed(String program) {
                return true;
            }
        };
    }
}
