package org.hygie.practice.duty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.hygie.practice.TestPractice;
import org.hygie.practice.Trees;
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
 * Bad input and failing media: a clear message, nothing lost, the other media still backed up.
 */
class BadInputTest {
    @TempDir
    Path tmp;
    TestPractice p;
    PracticeConfig config;

    @BeforeEach
    void setUp() throws Exception {
        p = new TestPractice(tmp);
        p.initDisk("disque-A");
        p.initDisk("disque-B");
        config = p.load();
    }

    private DutyReport night(int day, DutyServices s) {
        p.clock.set(LocalDateTime.of(2026, 3, day, 2, 30));
        return new DutyRunner(config, s, DutyListener.NONE).duty();
    }

    private static String fr(DutyReport r, String code) {
        return r.notices().stream().filter(n -> n.code().equals(code)).map(n -> n.text(Texts.of("fr")) + " → "
                + n.action(Texts.of("fr"))).findFirst().orElseThrow(() -> new AssertionError("no " + code + " in "
                + r.notices()));
    }

    @Test
    void aMissingPasswordFileStopsEverythingWithAClearMessage() throws Exception {
        Files.delete(p.passwordFile);
        DutyReport r = night(2, p.services());
        assertEquals(Outcome.FAILED, r.outcome());
        assertTrue(r.events(Step.BACKUP).isEmpty());
        String text = fr(r, "password-file");
        assertTrue(text.startsWith("Aucune sauvegarde n'a pu être faite : le fichier du mot de passe " + p.passwordFile
                + " est introuvable ou illisible."), text);
        assertFalse(text.contains("no such file"), "the English detail stays out of the French sentence: " + text);
        assertEquals("no such file", r.notices().stream().filter(n -> n.code().equals("password-file")).findFirst()
                .orElseThrow().detail());
        assertTrue(text.contains("kit de restauration"), text);
        assertEquals(1, p.sent.size(), "the doctor is told");
        assertFalse(r.notices().stream().anyMatch(n -> n.code().equals("no-backup")), "one cause, one message");
    }

    @Test
    void aWrongPasswordRefusesEachMediumAndSaysSo() throws Exception {
        Files.writeString(p.passwordFile, "pas le bon mot de passe\n");
        DutyReport r = night(2, p.services());
        assertTrue(r.events(Step.BACKUP).isEmpty());
        assertTrue(r.events(Step.PRESENCE).stream().allMatch(e -> e.outcome() == Outcome.FAILED
                && e.data().path("presence").asText().equals("wrong-password")));
        assertTrue(fr(r, "wrong-password").startsWith("Le mot de passe ne correspond pas au support disque-A"));
        assertEquals(Outcome.FAILED, r.outcome());
    }

    @Test
    void aMissingSourceFolderIsToldAndTheOthersAreBackedUp() throws Exception {
        Trees.delete(p.logiciel);
        DutyReport r = night(2, p.services());
        List<Event> ok = r.events(Step.BACKUP).stream().filter(e -> e.outcome() == Outcome.OK).toList();
        assertEquals(2, ok.size(), "Documents onto both disks");
        assertTrue(ok.stream().allMatch(e -> e.data().path("source").asText().equals(p.documents.toString())));
        assertTrue(fr(r, "source-missing").startsWith("Le dossier " + p.logiciel + " est introuvable"));
        assertEquals(Outcome.FAILED, r.outcome());
    }

    @Test
    void aBrokenMediumFailsAloneAndNothingCompletedIsLost() throws Exception {
        night(2, p.services());
        // disk B's data folder becomes unusable (a full or failing disk: every write fails)
        Path data = p.disk("disque-B").resolve("hygie/data");
        Trees.delete(data);
        Files.writeString(data, "not a folder");
        Files.writeString(p.documents.resolve("nouveau.txt"), "nouvelle consultation\n".repeat(1000));
        DutyReport r = night(3, p.services());
        assertTrue(r.events(Step.BACKUP).stream().filter(e -> e.medium().equals("disque-A"))
                .allMatch(e -> e.outcome() == Outcome.OK), "disk A is backed up all the same");
        assertTrue(r.events(Step.BACKUP).stream().anyMatch(e -> e.medium().equals("disque-B")
                && e.outcome() == Outcome.FAILED));
        assertTrue(fr(r, "backup-failed").startsWith("La sauvegarde sur disque-B a échoué cette nuit. → "),
                fr(r, "backup-failed"));
        assertTrue(r.notices().stream().filter(n -> n.code().equals("backup-failed")).findFirst().orElseThrow()
                .detail().contains("data"), "the technical detail is kept beside the sentence");
        Files.delete(data);
        Files.createDirectories(data);
        Restic restic = new Restic(p.disk("disque-A").resolve("hygie"), TestPractice.PASSWORD);
        assertEquals(0, restic.run(null, "check", "--read-data").exit(), "disk A intact");
    }

    @Test
    void aNearlyFullMediumIsWarned() throws Exception {
        DutyServices s = p.services().withSpace(location -> new SpaceProbe.Space(3L << 30, 100L << 30));
        DutyReport r = night(2, s);
        assertEquals("Le support disque-A est presque plein (3 % libres, 3 072 Mio). → Prévoyez un disque plus grand "
                + "pour remplacer disque-A, ou demandez à la personne qui a installé Hygie d'alléger les anciennes "
                + "sauvegardes.", fr(r, "nearly-full").replace('\u202f', ' ').replace('\u00a0', ' '));
    }

    @Test
    void aFailingDiskIsUrgent() throws Exception {
        DutyServices s = p.services().withSmart(location -> new SmartProbe.Result(SmartProbe.Health.FAILED, "/dev/sdb",
                "WD Elements"));
        DutyReport r = night(2, s);
        assertTrue(fr(r, "smart-failing").startsWith("Le disque disque-A (/dev/sdb) signale une panne prochaine"));
        assertEquals(Outcome.FAILED, r.outcome());
    }

    @Test
    void aDamagedMediumIsFoundByTheVerificationAndTheDrill() throws Exception {
        night(2, p.services());
        // damage one pack of disk A
        Path packs = p.disk("disque-A").resolve("hygie/data");
        Path pack;
        try (var w = Files.walk(packs)) {
            pack = w.filter(Files::isRegularFile).max(java.util.Comparator.comparingLong(x -> x.toFile().length()))
                    .orElseThrow();
        }
        byte[] b = Files.readAllBytes(pack);
        b[b.length / 2] ^= 0x55;
        Files.write(pack, b);
        DutyServices s = p.services();
        // read everything tonight: the last night before the deadline of a cycle not begun (from group 1: the
        // damaged pack may be in any group)
        try (Journal j = Journal.open(config.stateDir(), p.clock)) {
            j.saveCycle(new org.hygie.practice.journal.VerifyCycle("disque-A", p.clock.instant().minusSeconds(
                    27L * 86400), 14, 1));
        }
        DutyReport r = night(3, s);
        Event v = r.events(Step.VERIFY).stream().filter(e -> e.medium().equals("disque-A")).findFirst().orElseThrow();
        assertEquals(Outcome.FAILED, v.outcome(), v.summary());
        assertTrue(fr(r, "verify-damaged").startsWith("La vérification du support disque-A a trouvé"));
        Outcome drill = new DutyRunner(config, s, DutyListener.NONE).drill(true).events(Step.DRILL).stream()
                .filter(e -> e.medium().equals("disque-A")).findFirst().orElseThrow().outcome();
        assertEquals(Outcome.FAILED, drill, "a whole restore cannot succeed on a damaged pack");
        try (Repository repo = Repository.open(new LocalBackend(p.disk("disque-B").resolve("hygie")),
                TestPractice.PASSWORD.getBytes())) {
            assertFalse(repo.snapshots(x -> { }).isEmpty(), "disk B still holds its backups");
        }
    }

    @Test
    void twoDutiesNeverRunAtOnce() throws Exception {
        try (DutyLock held = DutyLock.acquire(config.stateDir())) {
            DutyBusyException e = assertThrows(DutyBusyException.class, () -> night(2, p.services()));
            assertEquals(String.valueOf(ProcessHandle.current().pid()), e.holder());
        }
        assertEquals(Outcome.FAILED, night(2, p.services()).outcome(), "runs once the lock is free");
    }

    static String codes(DutyReport r) {
        return r.notices().stream().map(Notice::code).collect(Collectors.joining(","));
    }
}
