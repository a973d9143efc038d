package org.hygie.practice.duty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hygie.practice.TestPractice;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.gdpr.Breach;
import org.hygie.practice.gdpr.BreachReport;
import org.hygie.practice.gdpr.Decision;
import org.hygie.practice.gdpr.GdprKeeper;
import org.hygie.practice.journal.Event;
import org.hygie.practice.journal.Journal;
import org.hygie.practice.journal.Outcome;
import org.hygie.practice.journal.Step;
import org.hygie.practice.notify.SmtpNotifier;
import org.hygie.practice.status.Status;
import org.hygie.practice.status.StatusReport;
import org.hygie.practice.text.Texts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 72-hour clock of a personal-data breach reaches the doctor through the nightly duty: the clock is set by the
 * test, the mails are received by a real SMTP server (GreenMail, on loopback). The practice is otherwise quiet (disk
 * A at home, disk B plugged in), so every mail after the breach's declaration is the breach's. A mail when the
 * breach appears, none while its clock runs, one when the deadline passes, none while it stays late, nothing once
 * decided; {@code status} shows the clock every time.
 */
class BreachNightsTest {
    static final ServerSetup SMTP = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort();

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(SMTP);

    private static final Texts FR = Texts.of("fr");
    private static final Texts EN = Texts.of("en");
    private static final String SUBJECT = "[Hygie] Cabinet du Dr Exemple : violation de données personnelles, "
            + "décision urgente";
    /** The sentences give times in the computer's time zone (that of the practice's computer in real life). */
    private static final DateTimeFormatter FR_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm")
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    @TempDir
    Path tmp;
    TestPractice p;
    PracticeConfig config;

    @BeforeEach
    void quietPractice() throws Exception {
        p = new TestPractice(tmp);
        p.initDisk("disque-A");
        p.initDisk("disque-B");
        p.smtpPort = mail.getSmtp().getPort();
        config = p.load();
        night(config, LocalDate.of(2026, 3, 2)); // both disks: backed up, none outside yet (mailed)
        p.unplug("disque-A"); // taken home, as the plan says
        mail.purgeEmailFromAllMailboxes();
        DutyReport quiet = night(config, LocalDate.of(2026, 3, 3));
        assertFalse(quiet.mailed(), "a quiet night: " + codes(quiet.notices()));
        assertEquals(0, mail.getReceivedMessages().length);
    }

    private DutyReport night(PracticeConfig c, LocalDate day) {
        p.clock.set(day.atTime(2, 30));
        return new DutyRunner(c, p.services().withNotifier(new SmtpNotifier(c.alerts(), p.clock)), DutyListener.NONE)
                .duty();
    }

    private StatusReport status() {
        try (Journal j = Journal.open(config.stateDir(), p.clock)) {
            return Status.of(config, j);
        }
    }

    private Breach declare(LocalDateTime discovered, LocalDateTime declared) {
        p.clock.set(declared);
        return GdprKeeper.of(config, p.clock).declare(new BreachReport(instant(discovered),
                "Ordinateur portable du cabinet volé dans une voiture", "agenda et comptes rendus (environ 300)",
                "patients du cabinet", "consultation des rendez-vous par un tiers", "mot de passe changé, plainte"));
    }

    private Instant instant(LocalDateTime t) {
        return t.atZone(p.clock.getZone()).toInstant();
    }

    private static Set<String> codes(List<Notice> notices) {
        return notices.stream().map(Notice::code).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Notice> gdpr(List<Notice> notices) {
        return notices.stream().filter(n -> n.topic() == Notice.Topic.GDPR).toList();
    }

    private static String body(MimeMessage m) throws Exception {
        return ((String) m.getContent()).replace("\r\n", "\n");
    }

    /** Waits for the {@code count}-th mail since the start and returns it. */
    private static MimeMessage mailNumber(int count) {
        assertTrue(mail.waitForIncomingEmail(10_000, count), "mail " + count + " did not come");
        MimeMessage[] got = mail.getReceivedMessages();
        assertEquals(count, got.length);
        return got[count - 1];
    }

    @Test
    void theClockIsMailedWhenTheBreachAppearsAndWhenItRunsOutNotEveryNight() throws Exception {
        // a laptop stolen on 3 March, found out at 09:00 and declared at 10:00: the CNIL must hear by 6 March 09:00
        Breach b = declare(LocalDateTime.of(2026, 3, 3, 9, 0), LocalDateTime.of(2026, 3, 3, 10, 0));
        assertEquals("2026-1", b.id());
        Instant deadline = instant(LocalDateTime.of(2026, 3, 6, 9, 0));
        assertEquals(deadline, b.deadline());

        // ---- the next night: the clock runs, 54 h left; the doctor is mailed
        DutyReport n1 = night(config, LocalDate.of(2026, 3, 4));
        List<Notice> g1 = gdpr(n1.notices());
        assertEquals(List.of("breach-open"), g1.stream().map(Notice::code).toList());
        Notice open = g1.get(0);
        assertEquals(Notice.Level.URGENT, open.level());
        assertTrue(open.act());
        assertEquals(open, n1.notices().get(0), "the legal deadline comes first: " + codes(n1.notices()));
        assertEquals("Violation de données 2026-1 : il reste 54 heures pour décider de la notifier à la CNIL ou non "
                + "(délai de 72 heures, jusqu'au " + FR_TIME.format(deadline) + ").", open.text(FR));
        assertEquals("S'il y a un risque pour les patients, notifiez la CNIL sur cnil.fr ; sinon, notez pourquoi. "
                + "Puis enregistrez la décision : « hygie gdpr breach decide 2026-1 ».", open.action(FR));
        assertEquals("Personal-data breach 2026-1: 54 hours left to decide whether to notify the CNIL (72-hour "
                + "deadline: " + EN_TIME.format(deadline) + ").", open.text(EN));
        assertEquals("If the patients are at risk, notify the CNIL on cnil.fr; otherwise write down why not. Then "
                + "record the decision: \"hygie gdpr breach decide 2026-1\".", open.action(EN));
        assertEquals(Outcome.WARNING, n1.outcome(), "urgent for the doctor, but the backups did not fail");
        assertTrue(n1.mailed());
        MimeMessage m1 = mailNumber(1);
        assertEquals(SUBJECT, m1.getSubject());
        assertTrue(body(m1).contains("1. " + open.text(FR) + "\n   → " + open.action(FR)), body(m1));
        Event sent = n1.events(Step.MAIL).get(0);
        assertEquals(Outcome.OK, sent.outcome());
        assertEquals("breach-open:2026-1", sent.data().path("told").get(0).asText());
        Event recorded = n1.events(Step.NOTICE).stream().filter(e -> e.summary().equals("breach-open")).findFirst()
                .orElseThrow();
        assertEquals(open.text(FR), recorded.data().path("text").asText());
        assertEquals(Outcome.FAILED, recorded.outcome(), "an urgent notice is recorded as such");

        // status shows it, in words and in JSON; the practice is still protected (the backups are fine)
        StatusReport s1 = status();
        assertEquals(StatusReport.Verdict.ATTENTION, s1.verdict());
        assertEquals(open, s1.notices().get(0));
        JsonNode js = Status.json(s1, FR).get("notices").get(0);
        assertEquals("breach-open", js.get("code").asText());
        assertEquals("urgent", js.get("level").asText());
        assertEquals("gdpr", js.get("topic").asText());
        assertTrue(js.get("act").asBoolean());
        assertTrue(js.get("medium").isNull());
        assertEquals(open.text(FR), js.get("text").asText());
        assertEquals(open.action(FR), js.get("action").asText());

        // ---- the two nights after: still open, 30 h then 6 h left, told already: no mail
        DutyReport n2 = night(config, LocalDate.of(2026, 3, 5));
        assertEquals("Violation de données 2026-1 : il reste 30 heures pour décider de la notifier à la CNIL ou non "
                + "(délai de 72 heures, jusqu'au " + FR_TIME.format(deadline) + ").", gdpr(n2.notices()).get(0)
                .text(FR));
        DutyReport n3 = night(config, LocalDate.of(2026, 3, 6));
        assertEquals("Violation de données 2026-1 : il reste 6 heures pour décider de la notifier à la CNIL ou non "
                + "(délai de 72 heures, jusqu'au " + FR_TIME.format(deadline) + ").", gdpr(n3.notices()).get(0)
                .text(FR));
        for (DutyReport r : List.of(n2, n3)) {
            assertFalse(r.mailed(), codes(r.notices()).toString());
            assertEquals(List.of(), r.events(Step.MAIL));
        }
        assertEquals(1, mail.getReceivedMessages().length);

        // ---- past 72 h without a decision: late, a stronger notice, mailed again
        DutyReport n4 = night(config, LocalDate.of(2026, 3, 7));
        List<Notice> g4 = gdpr(n4.notices());
        assertEquals(List.of("breach-late"), g4.stream().map(Notice::code).toList());
        Notice late = g4.get(0);
        assertEquals(Notice.Level.URGENT, late.level());
        Instant discovered = instant(LocalDateTime.of(2026, 3, 3, 9, 0));
        assertEquals("Violation de données 2026-1 : le délai de 72 heures pour notifier la CNIL est dépassé depuis "
                + "17 heures (découverte le " + FR_TIME.format(discovered) + ") et aucune décision n'est "
                + "enregistrée.", late.text(FR));
        assertEquals("Notifiez la CNIL maintenant sur cnil.fr en donnant la raison du retard (RGPD, article 33) ; "
                + "s'il n'y a aucun risque pour les patients, notez pourquoi. Puis enregistrez la décision : "
                + "« hygie gdpr breach decide 2026-1 ».", late.action(FR));
        assertEquals("Personal-data breach 2026-1: the 72-hour deadline to notify the CNIL passed 17 hours ago "
                + "(discovered on " + EN_TIME.format(discovered) + ") and no decision is recorded.", late.text(EN));
        assertEquals("Notify the CNIL now on cnil.fr, giving the reasons for the delay (GDPR, article 33); if the "
                + "patients are not at risk, write down why. Then record the decision: \"hygie gdpr breach decide "
                + "2026-1\".", late.action(EN));
        assertTrue(n4.mailed());
        MimeMessage m2 = mailNumber(2);
        assertEquals(SUBJECT, m2.getSubject());
        assertTrue(body(m2).contains("1. " + late.text(FR) + "\n   → " + late.action(FR)), body(m2));
        assertFalse(body(m2).contains("il reste"), body(m2));
        assertEquals("breach-late", Status.json(status(), FR).get("notices").get(0).get("code").asText());

        // ---- still late the night after: told already
        DutyReport n5 = night(config, LocalDate.of(2026, 3, 8));
        assertTrue(gdpr(n5.notices()).get(0).text(FR).contains("dépassé depuis 41 heures"),
                gdpr(n5.notices()).get(0).text(FR));
        assertFalse(n5.mailed());
        assertEquals(2, mail.getReceivedMessages().length);

        // ---- the CNIL notified (late) and recorded: nothing more, anywhere
        p.clock.set(LocalDateTime.of(2026, 3, 8, 11, 0));
        GdprKeeper.of(config, p.clock).decide(b.id(), Decision.notifiedAt(p.clock.instant(), "CNIL-2026-0042"));
        DutyReport n6 = night(config, LocalDate.of(2026, 3, 9));
        assertEquals(List.of(), gdpr(n6.notices()));
        assertFalse(n6.mailed());
        assertEquals(Outcome.OK, n6.outcome(), codes(n6.notices()).toString());
        StatusReport s6 = status();
        assertEquals(List.of(), gdpr(s6.notices()));
        assertEquals(StatusReport.Verdict.PROTECTED, s6.verdict(), codes(s6.notices()).toString());
        assertEquals(2, mail.getReceivedMessages().length);
    }

    @Test
    void aMailThatCouldNotGoIsSentTheNextNight() throws Exception {
        p.smtpPort = 1; // nothing listens there
        PracticeConfig down = p.load();
        p.smtpPort = mail.getSmtp().getPort();
        declare(LocalDateTime.of(2026, 3, 3, 9, 0), LocalDateTime.of(2026, 3, 3, 10, 0));

        DutyReport lost = night(down, LocalDate.of(2026, 3, 4));
        assertEquals(Outcome.FAILED, lost.events(Step.MAIL).get(0).outcome());
        assertFalse(lost.mailed());

        DutyReport again = night(config, LocalDate.of(2026, 3, 5));
        assertTrue(again.mailed(), "the breach was not told yet");
        MimeMessage m = mailNumber(1);
        assertEquals(SUBJECT, m.getSubject());
        assertTrue(body(m).contains("Violation de données 2026-1 : il reste 30 heures"), body(m));

        assertFalse(night(config, LocalDate.of(2026, 3, 6)).mailed(), "told now");
        assertEquals(1, mail.getReceivedMessages().length);
    }
}
