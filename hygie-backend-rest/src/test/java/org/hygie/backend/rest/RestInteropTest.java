package org.hygie.backend.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hygie.backend.rest.testing.RcloneServer;
import org.hygie.backup.archiver.BackupSummary;
import org.hygie.backup.check.CheckReport;
import org.hygie.backup.testing.HygieFlows;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.Locations;
import org.hygie.repository.testing.RemoteRestic;
import org.hygie.repository.testing.Restic;
import org.hygie.repository.testing.SampleTree;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** restic 0.14 and Hygie share repositories through {@code rclone serve restic}, both ways. */
class RestInteropTest {
    private static final String PASSWORD = "sauvegarde REST";

    @TempDir
    static Path tmp;
    static RcloneServer server;

    @TempDir
    Path work;

    @BeforeAll
    static void start() throws Exception {
        server = RcloneServer.start(tmp, false);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void resticChecksAndRestoresWhatHygieWroteThroughRest() throws Exception {
        Path src = SampleTree.write(work.resolve("cabinet"), 10, 11);
        BackupSummary summary;
        try (Repository repo = HygieFlows.init(Locations.open(server.location("by-hygie")), PASSWORD)) {
            summary = HygieFlows.backup(repo, src);
        }
        assertEquals(List.of(), summary.warnings());
        RemoteRestic restic = new RemoteRestic(server.location("by-hygie"), PASSWORD, List.of(), Map.of());
        Restic.Result check = restic.ok("check", "--read-data");
        assertTrue(check.out().contains("no errors were found"), check.out());
        // rclone keeps the default layout on disk: restic gives the folder itself the same verdict
        Restic.Result local = new Restic(server.root().resolve("by-hygie"), PASSWORD).ok("check", "--read-data");
        assertTrue(local.out().contains("no errors were found"), local.out());

        Path restored = work.resolve("restored-by-restic");
        restic.ok("restore", summary.snapshot().hex(), "--target", restored.toString());
        SampleTree.assertSame(src, restored.resolve(src.toString().substring(1)));
    }

    @Test
    void hygieRestoresAndChecksWhatResticWroteThroughRest() throws Exception {
        Path src = SampleTree.write(work.resolve("cabinet"), 6, 12);
        RemoteRestic restic = new RemoteRestic(server.location("by-restic"), PASSWORD, List.of(), Map.of());
        restic.ok("init");
        restic.ok("backup", src.toString());
        try (Repository repo = HygieFlows.open(Locations.open(server.location("by-restic")), PASSWORD)) {
            Path target = work.resolve("restored-by-hygie");
            assertTrue(HygieFlows.restoreLatest(repo, target).complete());
            SampleTree.assertSame(src, target.resolve(src.toString().substring(1)));
            CheckReport report = HygieFlows.checkReadData(repo);
            assertTrue(report.healthy(), report.findings().toString());
            assertTrue(report.packsRead() > 0, report.toString());
        }
    }
}
