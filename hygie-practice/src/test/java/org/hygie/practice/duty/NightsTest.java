package org.hygie.practice.duty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hygie.practice.TestPractice;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.journal.Event;
import org.hygie.practice.journal.Journal;
import org.hygie.practice.journal.Outcome;
import org.hygie.practice.journal.Step;
import org.hygie.practice.text.Texts;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.LocalBackend;
import org.hygie.repository.testing.Restic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A practice with two disks used in alternation, night after night, the clock set by the test: disk A alone,
 * A kept too long, B instead of A, no disk at all. What the journal, the notices and the mails say.
 */
class NightsTest {
    @TempDir
    Path tmp;
    TestPractice p;
    PracticeConfig config;
    String idA;
    String idB;

    @BeforeEach
    void setUp() throws Exception {
        p = new TestPractice(tmp);
        idA = p.initDisk("disque-A");
        idB = p.initDisk("disque-B");
        p.unplug("disque-B");
        config = p.load();
    }

    private DutyReport night(int day) {
        p.clock.set(LocalDateTime.of(2026, 3, day, 2, 30));
        return new DutyRunner(config, p.services(), DutyListener.NONE).duty();
    }

    private static Set<String> codes(DutyReport r) {
        return r.notices().stream().map(Notice::code).collect(Collectors.toSet());
    }

    @Test
    void nightsWithDiskAThenBThenNone() throws Exception {
        // night 1: disk A only, B at home but never backed up
        DutyReport n1 = night(2);
        List<Event> backups = n1.events(Step.BACKUP);
        assertEquals(2, backups.size(), backups.toString());
        assertTrue(backups.stream().allMatch(e -> e.outcome() == Outcome.OK && e.medium().equals("disque-A")));
        assertTrue(codes(n1).containsAll(Set.of("never-backed-up", "no-outside-copy")), codes(n1).toString());
        assertEquals(Outcome.FAILED, n1.outcome(), "no copy outside the practice: the doctor must act");
        assertEquals(1, p.sent.size(), "a mail goes out when the doctor must act");
        assertTrue(p.sent.get(0).body().contains("Emportez chez vous"), p.sent.get(0).body());
        // the before-command ran, excludes held, the journal knows the snapshot and the presence
        assertTrue(Files.exists(p.logiciel.resolve("dump.txt")));
        assertEquals(Outcome.OK, n1.events(Step.BEFORE).get(0).outcome());
        Restic restic = new Restic(p.disk("disque-A").resolve("hygie"), TestPractice.PASSWORD);
        String ls = restic.run(null, "ls", "latest", "--path", p.documents.toString()).out();
        assertTrue(ls.contains("compte-rendu.txt") && !ls.contains("brouillon.tmp"), ls);
        restic.run(null, "check", "--read-data");
        assertEquals(0, restic.run(null, "check", "--read-data").exit(), "restic checks what the duty wrote");
        assertEquals(Outcome.OK, n1.events(Step.VERIFY).get(0).outcome());
        assertEquals(Outcome.OK, n1.events(Step.DRILL).get(0).outcome(), "first night: a drill is due");
        assertTrue(n1.events(Step.DRILL).get(0).data().path("files_ok").asInt() >= 3);

        // nights 2..9: A stays plugged in past its rotation period
        for (int day = 3; day <= 10; day++) {
            night(day);
        }
        DutyReport n9 = night(11);
        assertTrue(codes(n9).contains("not-swapped"), codes(n9).toString());
        String text = n9.notices().stream().filter(n -> n.code().equals("not-swapped")).findFirst().orElseThrow()
                .text(Texts.of("fr"));
        assertEquals("Le support disque-A est branché depuis 9 jours sans avoir été échangé (rotation prévue : 7d).",
                text);

        // the swap: A goes home (fresh copy outside), B comes in
        p.unplug("disque-A");
        p.plug("disque-B");
        int mailsBefore = p.sent.size();
        DutyReport n10 = night(12);
        assertTrue(n10.events(Step.BACKUP).stream().allMatch(e -> e.medium().equals("disque-B")
                && e.outcome() == Outcome.OK));
        assertFalse(codes(n10).contains("no-outside-copy"), codes(n10).toString());
        assertFalse(codes(n10).contains("not-swapped"), codes(n10).toString());
        assertFalse(codes(n10).contains("never-backed-up"), codes(n10).toString());
        assertEquals(Outcome.OK, n10.outcome(), n10.notices().toString());
        assertEquals(mailsBefore, p.sent.size(), "nothing to do: no mail");

        // no disk at all
        p.unplug("disque-B");
        DutyReport n11 = night(13);
        assertTrue(codes(n11).contains("no-backup"), codes(n11).toString());
        assertEquals(Outcome.FAILED, n11.outcome());
        assertEquals(mailsBefore + 1, p.sent.size());
        assertTrue(p.sent.get(p.sent.size() - 1).subject().contains("sauvegarde en échec"));

        try (Journal j = Journal.open(config.stateDir(), p.clock)) {
            assertEquals(idA, j.medium("disque-A").repositoryId());
            assertFalse(j.medium("disque-A").present());
            assertNotNull(j.medium("disque-A").awaySince());
        }
    }

    @Test
    void aDiskIsRecognisedByItsRepositoryIdWhereverItIsMounted() throws Exception {
        // the ids as hygie setup writes them in the configuration
        config = config.withMedia(List.of(config.media().get(0).withId(idA), config.media().get(1).withId(idB)));
        night(2);
        // disk A goes home; disk B is plugged in and mounted where disk A usually is (same drive letter)
        p.unplug("disque-A");
        Files.move(tmp.resolve("home-disque-B"), p.disk("disque-A"));
        DutyReport r = night(3);
        Event b = r.events(Step.PRESENCE).stream().filter(e -> e.medium().equals("disque-B")).findFirst().orElseThrow();
        assertEquals("present", b.data().path("presence").asText());
        assertEquals(p.disk("disque-A").resolve("hygie").toString(), b.data().path("location").asText());
        assertEquals(idB, b.data().path("found").asText());
        Event a = r.events(Step.PRESENCE).stream().filter(e -> e.medium().equals("disque-A")).findFirst().orElseThrow();
        assertEquals("away", a.data().path("presence").asText(), "the repository there is not disk A's");
        assertTrue(r.events(Step.BACKUP).stream().allMatch(e -> e.medium().equals("disque-B")
                && e.outcome() == Outcome.OK));
        assertFalse(codes(r).contains("medium-foreign"), codes(r).toString());
    }

    @Test
    void aMissedNightIsCaughtUp() throws Exception {
        night(2);
        DutyReport r = night(5);
        assertEquals(2, r.events(Step.DUTY).get(0).data().path("missed").asInt());
        assertTrue(codes(r).contains("caught-up"), codes(r).toString());
    }

    @Test
    void aDifferentRepositoryIsRefusedAndTheOthersAreStillBackedUp() throws Exception {
        // disk B comes back holding another repository than the one recorded for it
        p.plug("disque-B");
        config = config.withMedia(List.of(config.media().get(0).withId(idA), config.media().get(1).withId(idB)));
        Path b = p.disk("disque-B").resolve("hygie");
        org.hygie.practice.Trees.delete(b);
        String other = p.initDisk("disque-B");
        assertFalse(other.equals(idB));
        DutyReport r = night(2);
        Event presence = r.events(Step.PRESENCE).stream().filter(e -> e.medium().equals("disque-B")).findFirst()
                .orElseThrow();
        assertEquals("foreign", presence.data().path("presence").asText());
        assertTrue(r.events(Step.BACKUP).stream().allMatch(e -> e.medium().equals("disque-A")
                && e.outcome() == Outcome.OK), "disk A still backed up");
        try (Repository repo = Repository.open(new LocalBackend(b), TestPractice.PASSWORD.getBytes())) {
            assertTrue(repo.snapshots(x -> { }).isEmpty(), "nothing written to the refused disk");
        }
        Notice n = r.notices().stream().filter(x -> x.code().equals("medium-foreign")).findFirst().orElseThrow();
        String fr = n.text(Texts.of("fr"));
        assertTrue(fr.startsWith("Le support branché à l'emplacement de disque-B") && fr.contains(other.substring(0, 8))
                && fr.contains(idB.substring(0, 8)), fr);
        assertEquals(Outcome.FAILED, r.outcome());
    }
}
