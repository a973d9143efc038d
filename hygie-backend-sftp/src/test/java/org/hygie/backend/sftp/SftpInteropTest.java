package org.hygie.backend.sftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hygie.backend.sftp.testing.SftpTestServer;
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

/**
 * restic 0.14 and Hygie share repositories through SFTP: restic (through OpenSSH's ssh, the way it always talks
 * SFTP) checks and restores what Hygie wrote, and Hygie restores and checks what restic wrote.
 */
class SftpInteropTest {
    private static final String PASSWORD = "sauvegarde du cabinet";

    @TempDir
    static Path tmp;
    static SftpTestServer server;

    @TempDir
    Path work;

    @BeforeAll
    static void start() throws Exception {
        server = SftpTestServer.start(tmp.resolve("server"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Map<String, String> options() throws Exception {
        return Map.of(SftpSettings.KEY, server.clientKey().toString(), SftpSettings.KNOWN_HOSTS,
                server.knownHosts().toString());
    }

    private static RemoteRestic restic(String path) throws Exception {
        return new RemoteRestic("sftp:" + SftpTestServer.USER + "@127.0.0.1:" + path, PASSWORD,
                List.of("-o", "sftp.command=" + server.resticSshCommand(server.port())), Map.of());
    }

    @Test
    void resticChecksAndRestoresWhatHygieWroteThroughSftp() throws Exception {
        Path src = SampleTree.write(work.resolve("cabinet"), 10, 1);
        BackupSummary summary;
        try (Repository repo = HygieFlows.init(Locations.open(server.location("/by-hygie"), options()), PASSWORD)) {
            summary = HygieFlows.backup(repo, src);
        }
        assertEquals(List.of(), summary.warnings());

        RemoteRestic restic = restic("/by-hygie");
        Restic.Result check = restic.ok("check", "--read-data");
        assertTrue(check.out().contains("no errors were found"), check.out());
        // the same files read as a local folder give restic the same verdict
        Restic.Result local = new Restic(server.root().resolve("by-hygie"), PASSWORD).ok("check", "--read-data");
        assertTrue(local.out().contains("no errors were found"), local.out());

        Path restored = work.resolve("restored-by-restic");
        restic.ok("restore", summary.snapshot().hex(), "--target", restored.toString());
        SampleTree.assertSame(src, restored.resolve(src.toString().substring(1)));
    }

    @Test
    void hygieRestoresAndChecksWhatResticWroteThroughSftp() throws Exception {
        Path src = SampleTree.write(work.resolve("cabinet"), 6, 2);
        RemoteRestic restic = restic("/by-restic");
        restic.ok("init");
        restic.ok("backup", src.toString());

        try (Repository repo = HygieFlows.open(Locations.open(server.location("/by-restic"), options()), PASSWORD)) {
            Path target = work.resolve("restored-by-hygie");
            assertTrue(HygieFlows.restoreLatest(repo, target).complete());
            SampleTree.assertSame(src, target.resolve(src.toString().substring(1)));
            CheckReport report = HygieFlows.checkReadData(repo);
            assertTrue(report.healthy(), report.findings().toString());
            assertTrue(report.packsRead() > 0, report.toString());
        }
    }
}
