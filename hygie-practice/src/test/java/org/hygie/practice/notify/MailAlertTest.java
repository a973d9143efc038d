package org.hygie.practice.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.hygie.practice.TestPractice;
import org.hygie.practice.config.Notify;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.duty.DutyListener;
import org.hygie.practice.duty.DutyReport;
import org.hygie.practice.duty.DutyRunner;
import org.hygie.practice.journal.Event;
import org.hygie.practice.journal.Outcome;
import org.hygie.practice.journal.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Alerts received by a real SMTP server (GreenMail, on loopback), from the duty itself. */
class MailAlertTest {
    static final ServerSetup SMTP = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort();

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(SMTP);

    @TempDir
    Path tmp;

    private DutyReport night(TestPractice p, PracticeConfig config, int day) {
        p.clock.set(LocalDateTime.of(2026, 3, day, 2, 30));
        Notifier smtp = new SmtpNotifier(config.alerts(), p.clock);
        return new DutyRunner(config, p.services().withNotifier(smtp), DutyListener.NONE).duty();
    }

    @Test
    void aFailedNightSendsAMailThatSaysWhatToDo() throws Exception {
        TestPractice p = new TestPractice(tmp);
        p.initDisk("disque-A");
        p.initDisk("disque-B");
        p.smtpPort = mail.getSmtp().getPort();
        PracticeConfig config = p.load();
        night(p, config, 2); // both disks here: backed up, but none outside yet
        mail.purgeEmailFromAllMailboxes();

        // night 2: both disks gone (nothing plugged in), and a source folder missing
        p.unplug("disque-A");
        p.unplug("disque-B");
        Files.move(p.logiciel, tmp.resolve("logiciel-ailleurs"));
        DutyReport r = night(p, config, 3);
        assertEquals(Outcome.FAILED, r.outcome());
        assertTrue(mail.waitForIncomingEmail(10_000, 1), r.events(Step.MAIL).toString());
        MimeMessage[] got = mail.getReceivedMessages();
        assertEquals(1, got.length);
        MimeMessage m = got[0];
        assertEquals("[Hygie] Cabinet du Dr Exemple : sauvegarde en échec, action requise", m.getSubject());
        assertEquals("dr.exemple@example.org", m.getAllRecipients()[0].toString());
        assertEquals("auto-generated", m.getHeader("Auto-Submitted")[0]);
        String body = GreenMailUtil.getBody(m);
        String text = new String(jakarta.mail.internet.MimeUtility.decode(new java.io.ByteArrayInputStream(
                body.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), "quoted-printable").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("Aucune sauvegarde n'a été faite cette nuit"), text);
        assertTrue(text.contains("Branchez l'un des disques de sauvegarde (disque-A, disque-B)"), text);
        assertTrue(text.contains("Le dossier " + p.logiciel + " est introuvable"), text);
        assertTrue(text.contains("03/03/2026 à 02:30"), text);
        Event sent = r.events(Step.MAIL).get(0);
        assertEquals(Outcome.OK, sent.outcome(), sent.summary());
        assertEquals("dr.exemple@example.org", sent.data().path("to").get(0).asText());
    }

    @Test
    void aMailServerThatDoesNotAnswerIsRecordedAndTheDutyGoesOn() throws Exception {
        TestPractice p = new TestPractice(tmp);
        p.initDisk("disque-A");
        p.smtpPort = 1; // nothing listens there
        PracticeConfig config = p.load();
        DutyReport r = night(p, config, 2);
        Event m = r.events(Step.MAIL).get(0);
        assertEquals(Outcome.FAILED, m.outcome());
        assertTrue(r.events(Step.BACKUP).stream().allMatch(e -> e.outcome() == Outcome.OK));
        assertTrue(r.notices().stream().noneMatch(n -> n.code().equals("mail-failed")),
                "told at the next status, from the journal");
    }

    @Test
    void starttlsIsRequiredTowardsAnotherMachine() {
        // settings only: no connection is made to any other machine
        Notify remote = new Notify(URI.create("smtp://mail.example.org:587"), List.of("dr@example.org"), null, null,
                null);
        java.util.Properties p = new SmtpNotifier(remote, java.time.Clock.systemUTC()).properties();
        assertEquals("true", p.getProperty("mail.smtp.starttls.required"));
        assertEquals("true", p.getProperty("mail.smtp.ssl.checkserveridentity"));
        Notify local = new Notify(URI.create("smtp://127.0.0.1:25"), List.of("dr@example.org"), null, null, null);
        assertEquals("false", new SmtpNotifier(local, java.time.Clock.systemUTC()).properties()
                .getProperty("mail.smtp.starttls.required"), "a relay on this machine");
        Notify tls = new Notify(URI.create("smtps://mail.example.org"), List.of("dr@example.org"), null, null, null);
        java.util.Properties t = new SmtpNotifier(tls, java.time.Clock.systemUTC()).properties();
        assertEquals("465", t.getProperty("mail.smtps.port"));
        assertEquals("smtps", t.getProperty("mail.transport.protocol"));
        assertTrue(SmtpNotifier.loopback("localhost") && SmtpNotifier.loopback("::1")
                && !SmtpNotifier.loopback("mail.example.org"));
    }
}
