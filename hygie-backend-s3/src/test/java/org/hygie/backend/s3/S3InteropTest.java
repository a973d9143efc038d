package org.hygie.backend.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.hygie.backup.archiver.BackupSummary;
import org.hygie.backup.check.CheckReport;
import org.hygie.backup.testing.HygieFlows;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.LocalBackend;
import org.hygie.repository.json.Json;
import org.hygie.repository.testing.RemoteRestic;
import org.hygie.repository.testing.Restic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real restic 0.14 speaks S3 too: each reads, checks and restores what the other wrote in s3proxy. */
class S3InteropTest {
    private static final String PASSWORD = "mot de passe du cabinet";

    private static S3ProxyServer server;

    @TempDir
    Path tmp;
    /** The source lives apart from the outputs, so that its parent folders do not change between backups. */
    @TempDir
    Path data;

    @BeforeAll
    static void start() throws Exception {
        server = new S3ProxyServer();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void resticChecksAndRestoresWhatHygieWroteAsForALocalFolder() throws Exception {
        Path src = Trees.practice(data.resolve("cabinet"), 1, 6);
        String location = server.location("hygie", "cabinet/sauvegardes");
        BackupSummary summary;
        try (S3Backend backend = S3Backend.open(location, S3ProxyServer.settings());
                Repository repo = HygieFlows.init(backend, PASSWORD)) {
            summary = HygieFlows.backup(repo, src);
        }
        assertEquals(0, summary.warnings().size(), summary.toString());
        RemoteRestic restic = ResticS3.at(location, PASSWORD);
        restic.ok("check", "--read-data");
        Path target = tmp.resolve("par-restic");
        restic.ok("restore", "latest", "--target", target.toString());
        Trees.assertSame(src, Trees.restored(target, src));

        // Same chunker, same file metadata: restic finds no file changed and no data to store in Hygie's
        // repository. (A parent folder such as /tmp may change meanwhile on a shared machine: its tree may be new.)
        String out = restic.ok("backup", "--json", src.toString()).out();
        JsonNode last = Json.MAPPER.readTree(out.substring(out.lastIndexOf("\n{") + 1));
        assertEquals(0, last.get("files_new").asLong() + last.get("files_changed").asLong(), last.toString());
        assertEquals(0, last.get("data_blobs").asLong(), last.toString());

        // The same backup into a local folder gets the same verdict from restic.
        Path local = tmp.resolve("local");
        try (Repository repo = HygieFlows.init(new LocalBackend(local), PASSWORD)) {
            HygieFlows.backup(repo, src);
        }
        Restic.Result localCheck = new Restic(local, PASSWORD).run(null, "check", "--read-data");
        Restic.Result s3Check = restic.run("check", "--read-data");
        assertEquals(localCheck.exit(), s3Check.exit(), localCheck.stderr() + "\n" + s3Check.stderr());
        assertTrue(s3Check.out().contains("no errors were found"), s3Check.out());
    }

    @Test
    void hygieReadsChecksAndRestoresWhatResticWrote() throws Exception {
        Path src = Trees.practice(tmp.resolve("cabinet"), 2, 5);
        String location = server.location("restic", "depot");
        RemoteRestic restic = ResticS3.at(location, PASSWORD);
        restic.ok("init", "--repository-version", "2");
        restic.ok("backup", "--tag", "nuit", src.toString());
        try (S3Backend backend = S3Backend.open(location, S3ProxyServer.settings());
                Repository repo = HygieFlows.open(backend, PASSWORD)) {
            assertEquals(2, repo.config().version());
            CheckReport report = HygieFlows.checkReadData(repo);
            assertTrue(report.healthy(), report.toString());
            assertTrue(report.packsRead() > 1, report.toString());
            Path target = tmp.resolve("par-hygie");
            assertEquals(List.of(), HygieFlows.restoreLatest(repo, target).problems());
            Trees.assertSame(src, Trees.restored(target, src));
        }
    }
}
