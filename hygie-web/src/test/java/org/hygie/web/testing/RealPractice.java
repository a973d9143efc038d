package org.hygie.web.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hygie.practice.TestPractice;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.duty.Commands;
import org.hygie.practice.duty.DutyListener;
import org.hygie.practice.duty.DutyRunner;
import org.hygie.practice.duty.DutyServices;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.LocalBackend;
import org.hygie.web.practice.PracticeAdapter;

/**
 * A real practice behind the dashboard, made the way the practice's own tests make one ({@link TestPractice}: two
 * folders to back up, two folder "disks" swapped every week, a password file, a configuration; the audit, SMART
 * and the mail faked), then lived: one real nightly duty a night up to last night, the clock set by the test, with
 * the practice's own files ({@link PracticeRepository#writeFiles}) and a new scan each night. Along the way: a night
 * without the password file (failed), a night with no disk plugged in (both away), a night with the software's
 * folder gone (warnings). Disk A is plugged in at the end, disk B at home.
 */
public final class RealPractice {
    /** The zone of the practice's clock (and of the dashboard in the tests). */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    /** Night (days before the last one) when the password file could not be read. */
    public static final int NIGHT_NO_PASSWORD = 17;
    /** Night when neither disk was plugged in. */
    public static final int NIGHT_NO_DISK = 10;
    /** Night when the practice software's folder was missing. */
    public static final int NIGHT_NO_SOFTWARE = 4;

    public final TestPractice p;
    public final PracticeConfig config;
    public final int nights;
    /** The last night's duty (its start). */
    public final ZonedDateTime lastNight;
    /** While set, a duty started from the dashboard waits at its before-command until it is counted down. */
    public volatile CountDownLatch hold;
    private final Set<String> plugged = new HashSet<>(Set.of("disque-A", "disque-B"));

    private RealPractice(TestPractice p, PracticeConfig config, int nights, ZonedDateTime lastNight) {
        this.p = p;
        this.config = config;
        this.nights = nights;
        this.lastNight = lastNight;
    }

    /** A practice that has lived {@code nights} nights, the last one at 02:30 last night. */
    public static RealPractice create(Path dir, int nights) throws Exception {
        TestPractice p = new TestPractice(dir);
        PracticeRepository.writeFiles(p.documents);
        p.initDisk("disque-A");
        p.initDisk("disque-B");
        PracticeConfig config = p.load();
        ZonedDateTime now = ZonedDateTime.now(ZONE);
        ZonedDateTime last = now.toLocalDate().atTime(2, 30).atZone(ZONE);
        if (last.isAfter(now.minusMinutes(5))) {
            last = last.minusDays(1);
        }
        RealPractice rp = new RealPractice(p, config, nights, last);
        for (int k = nights - 1; k >= 0; k--) {
            rp.live(k);
        }
        return rp;
    }

    /** Disk A the weeks when {@code k / 7} is even (so the last week), disk B the others. */
    public static String diskOfNight(int k) {
        return (k / 7) % 2 == 0 ? "disque-A" : "disque-B";
    }

    /** The date of night {@code k} (days before the last one). */
    public LocalDate date(int k) {
        return lastNight.minusDays(k).toLocalDate();
    }

    private void live(int k) throws Exception {
        place(k == NIGHT_NO_DISK ? Set.of() : Set.of(diskOfNight(k)));
        byte[] scan = new byte[48 * 1024];
        new Random(k).nextBytes(scan);
        Files.createDirectories(p.documents.resolve("Scans"));
        Files.write(p.documents.resolve("Scans/scan-" + date(k) + ".bin"), scan);
        Path away = p.root.resolve("away");
        if (k == NIGHT_NO_PASSWORD) {
            Files.move(p.passwordFile, away);
        }
        if (k == NIGHT_NO_SOFTWARE) {
            Files.move(p.logiciel, away);
        }
        p.clock.set(lastNight.minusDays(k).toLocalDateTime());
        new DutyRunner(config, p.services(), DutyListener.NONE).duty();
        if (k == NIGHT_NO_PASSWORD) {
            Files.move(away, p.passwordFile);
        }
        if (k == NIGHT_NO_SOFTWARE) {
            Files.move(away, p.logiciel);
        }
    }

    /** Plugs in exactly {@code disks}; the others go home. */
    private void place(Set<String> disks) throws Exception {
        for (String d : List.of("disque-A", "disque-B")) {
            if (plugged.contains(d) && !disks.contains(d)) {
                p.unplug(d);
                plugged.remove(d);
            } else if (!plugged.contains(d) && disks.contains(d)) {
                p.plug(d);
                plugged.add(d);
            }
        }
    }

    /**
     * The adapter the dashboard and the report use, on the real clock; a duty or drill started from the Actions
     * page runs with the test's services (audit, SMART and mail faked) and waits at its before-command while
     * {@link #hold} is set.
     */
    public PracticeAdapter adapter() {
        return new PracticeAdapter(config, Clock.system(ZONE), ZONE, this::actionServices);
    }

    private DutyServices actionServices() {
        Commands held = new Commands() {
            @Override
            public Result run(List<String> argv, Path workDir, Duration limit) {
                CountDownLatch h = hold;
                if (h != null) {
                    try {
                        if (!h.await(120, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("the test never let the duty go on");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return Commands.SYSTEM.run(argv, workDir, limit);
            }

            @Override
            public boolean installed(String program) {
                return Commands.SYSTEM.installed(program);
            }
        };
        return p.services().withClock(Clock.system(ZONE)).withCommands(held);
    }

    /** The latest snapshot of {@code source} on a disk plugged in now (newest by time). */
    public String latestSnapshot(String disk, Path source) throws Exception {
        try (Repository r = Repository.open(new LocalBackend(p.disk(disk).resolve("hygie")),
                TestPractice.PASSWORD.getBytes(StandardCharsets.UTF_8))) {
            return r.snapshots(e -> { }).stream()
                    .filter(e -> e.snapshot().paths().contains(source.toString()))
                    .max(java.util.Comparator.comparing(e -> e.snapshot().instant().toInstant()))
                    .orElseThrow().id().hex();
        }
    }

    /** When the last night's duty started. */
    public Instant lastNightStart() {
        return lastNight.toInstant();
    }
}
