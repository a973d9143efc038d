package org.hygie.practice.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hygie.practice.TestPractice;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.duty.DutyListener;
import org.hygie.practice.duty.DutyReport;
import org.hygie.practice.duty.DutyRunner;
import org.hygie.practice.journal.Journal;
import org.hygie.practice.journal.Outcome;
import org.hygie.practice.media.Found;
import org.hygie.practice.media.MediaAccess;
import org.hygie.practice.media.MediumOpener;
import org.hygie.practice.status.History.NightState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history a face shows, read from the journal of real nights: disk A, a night without the password file, a
 * night with a source folder gone, the swap to disk B (plus a second run that day without any disk), no disk at
 * all; the verifications and drills with their proof, the size of each repository, the last retention.
 */
class HistoryTest {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir
    Path tmp;

    @Test
    void nightsProofsSizesAndRetentionFromTheJournal() throws Exception {
        TestPractice p = new TestPractice(tmp);
        p.initDisk("disque-A");
        p.initDisk("disque-B");
        p.unplug("disque-B");
        PracticeConfig config = p.load();

        night(p, config, 2, 2);
        Files.move(p.passwordFile, tmp.resolve("password-elsewhere"));
        night(p, config, 3, 2);
        Files.move(tmp.resolve("password-elsewhere"), p.passwordFile);
        Files.move(p.logiciel, tmp.resolve("logiciel-elsewhere"));
        night(p, config, 4, 2);
        Files.move(tmp.resolve("logiciel-elsewhere"), p.logiciel);
        p.unplug("disque-A");
        p.plug("disque-B");
        night(p, config, 5, 2);
        p.unplug("disque-B");
        night(p, config, 5, 10);
        night(p, config, 6, 2);

        try (Journal j = Journal.open(config.stateDir(), p.clock)) {
            Map<String, List<History.Night>> nights = History.nights(config, j, LocalDate.of(2026, 3, 1),
                    LocalDate.of(2026, 3, 7), PARIS);
            assertEquals(List.of("disque-A", "disque-B"), List.copyOf(nights.keySet()));
            List<History.Night> a = nights.get("disque-A");
            assertEquals(List.of(2, 3, 4, 5, 6), a.stream().map(n -> n.date().getDayOfMonth()).toList());
            assertEquals(List.of(NightState.VERIFIED, NightState.FAILED, NightState.WARNING, NightState.AWAY,
                    NightState.AWAY), a.stream().map(History.Night::state).toList());
            assertEquals("password-file", a.get(1).reason());
            assertEquals("source-missing", a.get(2).reason());
            assertEquals(p.logiciel.toString(), a.get(2).detail());
            List<History.Night> b = nights.get("disque-B");
            assertEquals(List.of(NightState.AWAY, NightState.FAILED, NightState.AWAY, NightState.VERIFIED,
                    NightState.AWAY), b.stream().map(History.Night::state).toList());
            assertEquals(2, b.get(3).runs(), "two runs on the 5th: the one that found disk B tells the night");
            assertEquals(LocalDateTime.of(2026, 3, 5, 2, 30).atZone(PARIS).toInstant(), b.get(3).at());

            List<History.Verification> v = History.verifications(j, 10);
            assertEquals(List.of("disque-B", "disque-A", "disque-A"), v.stream().map(History.Verification::medium)
                    .toList(), "newest first");
            assertTrue(v.stream().allMatch(x -> x.ok() && x.errors() == 0 && x.share() != null), v.toString());
            // the newest reading of each disk saw the disk as it is now: exactly the packs of its group, whole
            for (History.Verification x : List.of(v.get(0), v.get(1))) {
                String[] share = x.share().split("/");
                int group = Integer.parseInt(share[0]);
                int groups = Integer.parseInt(share[1]);
                List<Path> expected;
                try (Stream<Path> packs = Files.walk(tmp.resolve("home-" + x.medium() + "/hygie/data"))) {
                    expected = packs.filter(Files::isRegularFile).filter(f -> Integer.parseInt(f.getFileName()
                            .toString().substring(0, 2), 16) % groups == group - 1).toList();
                }
                assertEquals(expected.size(), x.packsRead(), x.toString());
                assertEquals(expected.stream().mapToLong(f -> f.toFile().length()).sum(), x.bytesRead(), x.toString());
            }

            List<History.Drill> d = History.drills(j, 10);
            assertEquals(List.of("disque-B", "disque-A"), d.stream().map(History.Drill::medium).toList());
            for (History.Drill x : d) {
                assertEquals(Outcome.OK, x.outcome());
                assertEquals(x.filesChecked(), x.filesOk());
                assertTrue(x.filesChecked() >= 3);
                assertFalse(x.snapshots().isEmpty());
                assertTrue(x.snapshots().stream().flatMap(s -> s.files().stream())
                        .allMatch(f -> f.ok() && f.chunks() >= 0 && f.path().startsWith(tmp.toString())));
            }

            Map<String, List<History.Size>> sizes = History.sizes(config, j, LocalDate.of(2026, 3, 1)
                    .atStartOfDay(PARIS).toInstant());
            assertEquals(2, sizes.get("disque-A").size(), "nights 2 and 4 (none without the password)");
            assertEquals(1, sizes.get("disque-B").size());
            long onDisk;
            try (Stream<Path> packs = Files.walk(tmp.resolve("home-disque-B/hygie/data"))) {
                onDisk = packs.filter(Files::isRegularFile).mapToLong(x -> x.toFile().length()).sum();
            }
            assertEquals(onDisk, sizes.get("disque-B").get(0).bytes());

            History.Retention r = History.lastRetention(j).orElseThrow();
            assertFalse(r.applied());
            assertEquals("disque-B", r.medium());
        }
    }

    @Test
    void aMediumIsOpenedForReadingWhereverItIsPluggedIn() throws Exception {
        TestPractice p = new TestPractice(tmp);
        String idA = p.initDisk("disque-A");
        String idB = p.initDisk("disque-B");
        p.unplug("disque-B");
        PracticeConfig config = p.load();
        // the ids as hygie setup writes them in the configuration
        config = config.withMedia(List.of(config.media().get(0).withId(idA), config.media().get(1).withId(idB)));
        night(p, config, 2, 2);
        // disk A goes home; disk B comes in at disk A's place
        p.unplug("disque-A");
        Files.move(tmp.resolve("home-disque-B"), p.disk("disque-A"));
        try (Journal j = Journal.open(config.stateDir(), p.clock)) {
            Found a = MediaAccess.find(config, j, MediumOpener.LIVE, "disque-A");
            assertFalse(a.present(), "the repository at disk A's place is not disk A's");
            Found b = MediaAccess.find(config, j, MediumOpener.LIVE, "disque-B");
            assertTrue(b.present());
            try (var repo = b.repository()) {
                assertEquals(p.disk("disque-A").resolve("hygie").toString(), b.location());
                assertTrue(repo.snapshots(x -> { }).isEmpty(), "disk B was never backed up");
            }
        }
    }

    private static DutyReport night(TestPractice p, PracticeConfig config, int day, int hour) {
        p.clock.set(LocalDateTime.of(2026, 3, day, hour, 30));
        return new DutyRunner(config, p.services(), DutyListener.NONE).duty();
    }
}
