package org.hygie.practice.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.hygie.audit.Audit;
import org.hygie.audit.AuditOptions;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.OsFamily;
import org.hygie.audit.result.AuditReport;
import org.hygie.audit.result.Status;
import org.hygie.practice.TestPractice;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.duty.DutyListener;
import org.hygie.practice.duty.DutyReport;
import org.hygie.practice.duty.DutyRunner;
import org.hygie.practice.duty.JournalBackupStatus;
import org.hygie.practice.duty.Notice;
import org.hygie.practice.journal.Journal;
import org.hygie.practice.text.Texts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Status from the journal, with an offsite medium: here a folder flagged {@code offsite: true}, which takes the same
 * path through the duty as a server; {@code OffsiteNightsTest} runs the same story against a real S3 store.
 */
class StatusTest {
    @TempDir
    Path tmp;
    TestPractice p;
    PracticeConfig config;

    @BeforeEach
    void setUp() throws Exception {
        p = new TestPractice(tmp);
        p.initDisk("disque-A");
        p.initDisk("disque-B");
        p.initDisk("cloud");
        p.unplug("disque-B");
        p.extraYaml = "";
        String yaml = p.yaml().replace("schedule:", "  - name: cloud\n    repo: " + p.disk("cloud").resolve("hygie")
                + "\n    offsite: true\nschedule:");
        Files.writeString(p.config, yaml);
        config = org.hygie.practice.config.ConfigLoader.load(p.config).config();
    }

    private DutyReport night(int day) {
        p.clock.set(LocalDateTime.of(2026, 3, day, 2, 30));
        return new DutyRunner(config, p.services(), DutyListener.NONE).duty();
    }

    private StatusReport status(int day, int hour) {
        p.clock.set(LocalDateTime.of(2026, 3, day, hour, 0));
        try (Journal j = Journal.open(config.stateDir(), p.clock)) {
            return org.hygie.practice.status.Status.of(config, j);
        }
    }

    @Test
    void theOffsiteStoreKeepsThePracticeProtected() throws Exception {
        DutyReport n = night(2);
        assertTrue(n.events("backup").stream().anyMatch(e -> e.medium().equals("cloud")
                && e.data().path("offsite").asBoolean()));
        StatusReport s = status(2, 9);
        assertTrue(s.outsideFresh());
        assertEquals(s.media().get(2).lastBackup(), s.outsideCopy());
        assertFalse(s.notices().stream().anyMatch(x -> x.code().equals("no-outside-copy")));
        // disk B is still never backed up: attention, but protected
        assertEquals(StatusReport.Verdict.ATTENTION, s.verdict(), s.notices().toString());

        JsonNode js = org.hygie.practice.status.Status.json(s, Texts.of("fr"));
        assertEquals("attention", js.get("verdict").asText());
        assertTrue(js.get("protected").asBoolean());
        JsonNode a = js.get("media").get(0);
        assertEquals("disque-A", a.get("name").asText());
        assertEquals("present", a.get("presence").asText());
        assertTrue(a.get("plugged_now").asBoolean());
        assertEquals("ok", a.get("last_drill_outcome").asText());
        assertEquals("passed", a.get("smart").asText());
        assertEquals("unknown", js.get("media").get(1).get("presence").asText());
        assertTrue(js.get("media").get(1).get("last_backup").isNull());
        assertEquals(92, js.get("audit").get("score").asInt());
        assertTrue(js.get("notices").get(0).get("text").asText().length() > 10);

        // a week later the offsite store has been unreachable (the folder is gone): the outside copy ages
        Path gone = tmp.resolve("cloud-down");
        Files.move(p.disk("cloud"), gone);
        for (int d = 3; d <= 12; d++) {
            night(d);
        }
        StatusReport late = status(12, 9);
        assertFalse(late.outsideFresh());
        assertTrue(late.notices().stream().anyMatch(x -> x.code().equals("outside-stale")), late.notices().toString());
        assertTrue(late.notices().stream().anyMatch(x -> x.code().equals("medium-stale")
                && "cloud".equals(x.medium())), late.notices().toString());
    }

    @Test
    void aDutyNotRunForDaysIsTold() throws Exception {
        night(2);
        StatusReport s = status(6, 9);
        Notice n = s.notices().stream().filter(x -> x.code().equals("duty-overdue")).findFirst().orElseThrow();
        assertEquals("La sauvegarde automatique n'a pas tourné depuis 4 jours (dernière le 02/03/2026).",
                n.text(Texts.of("fr")));
        assertEquals("The automatic backup has not run for 4 days (last on 2026-03-02).", n.text(Texts.of("en")));
    }

    @Test
    void beforeAnyRunTheStatusSaysSo() throws Exception {
        StatusReport s = status(2, 9);
        assertNull(s.lastDuty());
        assertTrue(s.notices().stream().anyMatch(x -> x.code().equals("never-run")));
    }

    @Test
    void theAuditBackupPointsReadTheJournal() throws Exception {
        night(2);
        try (Journal j = Journal.open(config.stateDir(), p.clock)) {
            AuditOptions o = AuditOptions.live(tmp.resolve("attest"))
                    .withContext(OsFamily.current(), CollectionContext.live(p.clock))
                    .withBackup(new JournalBackupStatus(config, j));
            AuditReport r = new Audit().run(o);
            assertEquals(Status.PASS, r.result("backup-recent").status(), r.result("backup-recent").evidence());
            assertEquals(Status.PASS, r.result("backup-offsite").status(), r.result("backup-offsite").evidence());
            assertEquals(Status.PASS, r.result("backup-verified").status(), r.result("backup-verified").evidence());
        }
        p.clock.set(LocalDateTime.of(2026, 3, 20, 9, 0));
        try (Journal j = Journal.open(config.stateDir(), p.clock)) {
            AuditOptions o = AuditOptions.live(tmp.resolve("attest"))
                    .withContext(OsFamily.current(), CollectionContext.live(p.clock))
                    .withBackup(new JournalBackupStatus(config, j));
            AuditReport r = new Audit().run(o);
            assertEquals(Status.FAIL, r.result("backup-recent").status(), "18 days without a backup");
            assertTrue(List.of(Status.WARN, Status.FAIL).contains(r.result("backup-offsite").status()));
        }
    }
}
