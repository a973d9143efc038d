package org.hygie.practice.duty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hygie.practice.TestPractice;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.gdpr.Breach;
import org.hygie.practice.gdpr.BreachReport;
import org.hygie.practice.gdpr.Decision;
import org.hygie.practice.gdpr.GdprKeeper;
import org.hygie.practice.gdpr.GdprStore;
import org.hygie.practice.text.Texts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notices of the breaches' clocks, read from a real GDPR file at moments set by the test. */
class BreachNoticesTest {
    private static final Texts FR = Texts.of("fr");
    private static final Texts EN = Texts.of("en");

    @TempDir
    Path tmp;

    private static BreachReport report(Instant discovered) {
        return new BreachReport(discovered, "Courriel envoyé au mauvais destinataire", "un compte rendu", "un patient",
                "divulgation", "destinataire prié de supprimer");
    }

    @Test
    void theLastHoursAndTheFirstHoursLateAreSaidInWords() throws Exception {
        TestPractice p = new TestPractice(tmp);
        PracticeConfig config = p.load();
        Instant discovered = p.clock.instant();
        GdprKeeper.of(config, p.clock).declare(report(discovered));
        Instant deadline = discovered.plus(Breach.NOTIFICATION_DELAY);

        Notice lastHour = BreachNotices.of(config, deadline.minus(Duration.ofMinutes(30))).get(0);
        assertTrue(lastHour.text(FR).startsWith("Violation de données 2026-1 : il reste moins d'une heure pour "
                + "décider"), lastHour.text(FR));
        assertTrue(lastHour.text(EN).startsWith("Personal-data breach 2026-1: less than an hour left"),
                lastHour.text(EN));
        Notice oneHour = BreachNotices.of(config, deadline.minus(Duration.ofMinutes(90))).get(0);
        assertTrue(oneHour.text(FR).contains(" : il reste une heure pour "), oneHour.text(FR));
        assertTrue(oneHour.text(EN).contains(": one hour left"), oneHour.text(EN));

        Notice justLate = BreachNotices.of(config, deadline.plus(Duration.ofMinutes(1))).get(0);
        assertEquals("breach-late", justLate.code());
        assertTrue(justLate.text(FR).contains("est dépassé depuis moins d'une heure ("), justLate.text(FR));
        assertTrue(justLate.text(EN).contains("passed less than an hour ago ("), justLate.text(EN));
        Notice hourLate = BreachNotices.of(config, deadline.plus(Duration.ofMinutes(61))).get(0);
        assertTrue(hourLate.text(FR).contains("est dépassé depuis une heure ("), hourLate.text(FR));
        assertTrue(hourLate.text(EN).contains("passed one hour ago ("), hourLate.text(EN));
        for (Notice n : List.of(lastHour, oneHour, justLate, hourLate)) {
            assertFalse(n.text(FR).contains("''") || n.action(FR).contains("''"), n.text(FR));
        }
    }

    @Test
    void eachUndecidedBreachHasItsNoticeTheLateFirstAndTheDecidedNone() throws Exception {
        TestPractice p = new TestPractice(tmp);
        PracticeConfig config = p.load();
        GdprKeeper k = GdprKeeper.of(config, p.clock);
        Instant start = p.clock.instant();
        Breach first = k.declare(report(start));
        p.clock.advance(Duration.ofHours(50));
        Breach second = k.declare(report(p.clock.instant()));
        p.clock.advance(Duration.ofHours(1));
        Breach third = k.declare(report(p.clock.instant()));
        k.decide(third.id(), Decision.notNotified(p.clock.instant(), "adresse chiffrée, aucun risque"));
        Instant now = start.plus(Duration.ofHours(80));

        List<Notice> n = BreachNotices.of(config, now);
        assertEquals(List.of("breach-late", "breach-open"), n.stream().map(Notice::code).toList());
        assertEquals(first.id(), n.get(0).args().get(0));
        assertEquals(8L, n.get(0).args().get(1));
        assertEquals(second.id(), n.get(1).args().get(0));
        assertEquals(42L, n.get(1).args().get(1));
        // mailed once per state: when the breach appears, then when its deadline passes
        assertEquals(new Notice.MailOnce("breach-late:" + first.id(), first.deadline()), n.get(0).mailOnce());
        assertEquals(new Notice.MailOnce("breach-open:" + second.id(), second.discoveredAt()), n.get(1).mailOnce());
        n.forEach(x -> assertEquals(Notice.Topic.GDPR, x.topic()));
    }

    @Test
    void aDamagedGdprFileIsSaidNotHidden() throws Exception {
        TestPractice p = new TestPractice(tmp);
        PracticeConfig config = p.load();
        assertEquals(List.of(), BreachNotices.of(config, p.clock.instant()), "no GDPR file yet: nothing to say");
        Path file = config.stateDir().resolve(GdprStore.FILE_NAME);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"version\": 1, \"breaches\": [{\"id\": 3}]");

        List<Notice> n = BreachNotices.of(config, p.clock.instant());
        assertEquals(1, n.size());
        Notice damaged = n.get(0);
        assertEquals("gdpr-unreadable", damaged.code());
        assertEquals(Notice.Level.WARNING, damaged.level());
        assertEquals("Le dossier RGPD " + file + " est illisible : le délai de 72 heures des violations de données "
                + "qui y sont notées ne peut pas être suivi.", damaged.text(FR));
        assertEquals("Lancez « hygie gdpr status » pour voir ce qui ne va pas, et faites corriger le fichier par la "
                + "personne qui a installé Hygie.", damaged.action(FR));
        assertEquals("The GDPR file " + file + " cannot be read: the 72-hour clock of the breaches it records cannot "
                + "be followed.", damaged.text(EN));
        assertTrue(damaged.detail().startsWith(file.toString()), damaged.detail());
        assertNull(damaged.mailOnce());
    }
}
