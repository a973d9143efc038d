package org.hygie.backend.sftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hygie.backend.sftp.testing.SftpTestServer;
import org.hygie.backup.archiver.BackupSummary;
import org.hygie.backup.check.CheckReport;
import org.hygie.backup.testing.HygieFlows;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.RetryingBackend;
import org.hygie.repository.testing.FaultProxy;
import org.hygie.repository.testing.Restic;
import org.hygie.repository.testing.SampleTree;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A flaky network between Hygie and the SSH server: work completes through retries, or fails clearly. */
class SftpFaultTest {
    private static final String PASSWORD = "réseau capricieux";
    private static final RetryingBackend.Policy PATIENT =
            new RetryingBackend.Policy(10, Duration.ofMillis(50), Duration.ofSeconds(1));

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

    private static Map<String, String> options(SftpTestServer s, int port) throws Exception {
        return Map.of(SftpSettings.KEY, s.clientKey().toString(), SftpSettings.KNOWN_HOSTS,
                s.knownHosts(port).toString(), SftpSettings.TIMEOUT, "5");
    }

    private Backend open(String location, Map<String, String> options, RetryingBackend.Policy policy)
            throws Exception {
        return new RetryingBackend(new SftpBackendProvider(Map.of(), work).open(location, options), policy);
    }

    @Test
    void aBackupThroughConnectionsThatDropAndStallCompletesAndStaysValid() throws Exception {
        Path src = SampleTree.write(work.resolve("cabinet"), 14, 4);
        BackupSummary summary;
        // This seed drops the first two connections after 37 and 31 KB (past the login, inside the work), keeps the
        // third, stalls the fourth: the session is lost mid-work twice and must be rebuilt.
        try (FaultProxy proxy = new FaultProxy(server.port(), 0.5, 0.2, 1500, 39_000_118L, 400)) {
            String location = "sftp://" + SftpTestServer.USER + "@127.0.0.1:" + proxy.port() + "//flaky";
            try (Repository repo = HygieFlows.init(open(location, options(server, proxy.port()), PATIENT),
                    PASSWORD)) {
                summary = HygieFlows.backup(repo, src);
            }
            assertTrue(proxy.dropped() >= 2, "dropped " + proxy.dropped() + " of " + proxy.connections());
        }
        assertEquals(List.of(), summary.warnings());
        // valid for restic, read as a local folder, and for Hygie through a sound connection
        Restic.Result check = new Restic(server.root().resolve("flaky"), PASSWORD).ok("check", "--read-data");
        assertTrue(check.out().contains("no errors were found"), check.out());
        try (Repository repo = HygieFlows.open(open(server.location("/flaky"), options(server, server.port()),
                RetryingBackend.Policy.FAST), PASSWORD)) {
            CheckReport report = HygieFlows.checkReadData(repo);
            assertTrue(report.healthy(), report.findings().toString());
            Path target = work.resolve("restored");
            assertTrue(HygieFlows.restoreLatest(repo, target).complete());
            SampleTree.assertSame(src, target.resolve(src.toString().substring(1)));
        }
    }

    @Test
    void aServerThatGoesAwayGivesAClearErrorAndLeavesAValidRepository() throws Exception {
        Path first = SampleTree.write(work.resolve("premier"), 2, 5);
        Path second = SampleTree.write(work.resolve("second"), 6, 6);
        SftpTestServer gone = new SftpTestServer(tmp.resolve("gone"), SftpTestServer.newHostKey());
        try (Repository repo = HygieFlows.init(open(gone.location("/repo"), options(gone, gone.port()),
                RetryingBackend.Policy.FAST), PASSWORD)) {
            HygieFlows.backup(repo, first);
            gone.close();
            Exception e = assertThrows(Exception.class, () -> HygieFlows.backup(repo, second));
            String chain = messages(e);
            assertTrue(chain.contains("failed after 6 attempts"), chain);
            assertTrue(chain.contains("SSH server of sftp://" + SftpTestServer.USER + "@127.0.0.1:" + gone.port()
                    + "//repo"), chain);
        }
        Restic restic = new Restic(tmp.resolve("gone/root/repo"), PASSWORD);
        Restic.Result check = restic.ok("check", "--read-data");
        assertTrue(check.out().contains("no errors were found"), check.out());
        assertEquals(1, com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
                .readTree(restic.ok("snapshots", "--json").out()).size());
    }

    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
        }
        return sb.toString();
    }
}
