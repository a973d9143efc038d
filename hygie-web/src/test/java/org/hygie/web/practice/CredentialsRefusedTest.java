package org.hygie.web.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.hygie.practice.TestPractice;
import org.hygie.practice.config.ConfigLoader;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.duty.DutyListener;
import org.hygie.practice.duty.DutyReport;
import org.hygie.practice.duty.DutyRunner;
import org.hygie.practice.journal.Event;
import org.hygie.practice.journal.Step;
import org.hygie.repository.Repository;
import org.hygie.repository.error.RepositoryException;
import org.hygie.web.html.Fmt;
import org.hygie.web.html.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's side of a store whose credentials file others can read: the restore page cannot open that store
 * and says why in the practice's words (the file and {@code chmod 600}), while disk A opens as usual; the night's
 * line, the calendar and the backups' notices say the same. The store is refused before it is asked anything, so
 * its location needs no server.
 */
class CredentialsRefusedTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    @TempDir
    Path tmp;

    @Test
    void theRestorePageSaysWhatToFixForTheStoreAndOpensTheDisk() throws Exception {
        TestPractice p = new TestPractice(tmp);
        p.initDisk("disque-A");
        Path credentials = p.config.resolveSibling("cloud.credentials");
        Files.writeString(credentials, "AWS_ACCESS_KEY_ID=AKIDEXAMPLE\nAWS_SECRET_ACCESS_KEY=cle-secrete-du-test\n");
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(p.config, p.yaml().replace("  - name: disque-B\n", "  - name: cloud\n"
                + "    repo: s3:http://127.0.0.1:1/cabinet/hygie\n    offsite: true\n"
                + "    credentials: cloud.credentials\n  - name: disque-B\n"));
        PracticeConfig config = ConfigLoader.load(p.config).config();
        p.clock.set(LocalDate.of(2026, 3, 2).atTime(2, 30));
        DutyReport night = new DutyRunner(config, p.services(), DutyListener.NONE).duty();
        String problem = "le fichier des identifiants " + credentials + " est accessible à d'autres utilisateurs de "
                + "l'ordinateur (droits rw-r--r--) alors qu'il contient des secrets : il est refusé. Rendez-le privé "
                + "avec « chmod 600 " + credentials + " », et changez ces identifiants chez l'hébergeur s'ils ont pu "
                + "être lus.";

        // the running action's line for the store
        I18n fr = I18n.of("fr");
        Event presence = night.events(Step.PRESENCE).stream().filter(e -> "cloud".equals(e.medium())).findFirst()
                .orElseThrow();
        assertEquals("cloud : REFUSÉ, " + problem, EventLines.line(presence, fr, new Fmt(fr, ZONE)));
        assertTrue(EventLines.line(presence, I18n.of("en"), new Fmt(I18n.of("en"), ZONE))
                .startsWith("cloud: REFUSED, the credentials file " + credentials + " can be reached by other users"));

        // the restore page: the store refused with the sentence, the disk opened
        PracticeAdapter adapter = new PracticeAdapter(config, p.clock, ZONE, p::services);
        RepositoryException e = assertThrows(RepositoryException.class, () -> adapter.repositories().open("cloud"));
        assertEquals("cloud : " + problem, e.getMessage());
        try (Repository disk = adapter.repositories().open("disque-A")) {
            assertEquals(2, disk.snapshots(x -> { }).size(), "tonight's two snapshots on disk A");
        }

        // the backups page: the urgent notice with its fix, and the store's night in the calendar
        PracticeState state = adapter.state("fr");
        List<Notice> urgent = state.notices().stream().filter(n -> n.text().startsWith("Le support cloud n'a pas été "
                + "sauvegardé cette nuit")).toList();
        assertEquals(1, urgent.size(), state.notices().toString());
        assertTrue(urgent.get(0).urgent());
        assertTrue(urgent.get(0).action().startsWith("L" + problem.substring(1)), urgent.get(0).action());
        Night n = state.nights().get("cloud").get(state.nights().get("cloud").size() - 1);
        assertEquals(NightStatus.FAILED, n.status());
        assertTrue(n.detail().startsWith("refusé : son fichier des identifiants ne peut pas servir ("), n.detail());
    }
}
