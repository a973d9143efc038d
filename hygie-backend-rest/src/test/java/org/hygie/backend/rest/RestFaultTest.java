package org.hygie.backend.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hygie.backend.rest.testing.HttpFaultProxy;
import org.hygie.backend.rest.testing.RcloneServer;
import org.hygie.backup.archiver.BackupSummary;
import org.hygie.backup.check.CheckReport;
import org.hygie.backup.testing.HygieFlows;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.RetryingBackend;
import org.hygie.repository.testing.RemoteRestic;
import org.hygie.repository.testing.SampleTree;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A REST server behind a proxy that answers 500 and stalls: work completes through retries, or fails clearly. */
class RestFaultTest {
    private static final String PASSWORD = "serveur capricieux";
    private static final RetryingBackend.Policy PATIENT =
            new RetryingBackend.Policy(8, Duration.ofMillis(50), Duration.ofSeconds(1));

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

    private static Backend open(int port, String path, RetryingBackend.Policy policy) throws Exception {
        return new RetryingBackend(new RestBackendProvider(Map.of()).open(
                "rest:http://127.0.0.1:" + port + "/" + path + "/", Map.of(RestSettings.TIMEOUT, "2")), policy);
    }

    @Test
    void aBackupThroughErrorsAndStallsCompletesAndStaysValid() throws Exception {
        Path src = SampleTree.write(work.resolve("cabinet"), 14, 8);
        BackupSummary summary;
        try (HttpFaultProxy proxy = new HttpFaultProxy(server.port(), 0.3, 0.2, 3000, 20_261_128L, 5000)) {
            try (Repository repo = HygieFlows.init(open(proxy.port(), "flaky", PATIENT), PASSWORD)) {
                summary = HygieFlows.backup(repo, src);
            }
            assertTrue(proxy.errors() > 0 && proxy.stalls() > 0,
                    proxy.errors() + " errors, " + proxy.stalls() + " stalls in " + proxy.requests() + " requests");
        }
        assertEquals(List.of(), summary.warnings());
        RemoteRestic restic = new RemoteRestic(server.location("flaky"), PASSWORD, List.of(), Map.of());
        assertTrue(restic.ok("check", "--read-data").out().contains("no errors were found"));
        try (Repository repo = HygieFlows.open(open(server.port(), "flaky", RetryingBackend.Policy.FAST), PASSWORD)) {
            CheckReport report = HygieFlows.checkReadData(repo);
            assertTrue(report.healthy(), report.findings().toString());
            Path target = work.resolve("restored");
            assertTrue(HygieFlows.restoreLatest(repo, target).complete());
            SampleTree.assertSame(src, target.resolve(src.toString().substring(1)));
        }
    }

    @Test
    void aServerThatGoesDownMidBackupGivesAClearErrorAndLeavesAValidRepository() throws Exception {
        Path first = SampleTree.write(work.resolve("premier"), 2, 9);
        Path second = SampleTree.write(work.resolve("second"), 12, 10);
        try (HttpFaultProxy proxy = new HttpFaultProxy(server.port(), 0, 0, 0, 1, 5000);
                Repository repo = HygieFlows.init(open(proxy.port(), "down", RetryingBackend.Policy.FAST), PASSWORD)) {
            HygieFlows.backup(repo, first);
            proxy.breakAfter(12);
            Exception e = assertThrows(Exception.class, () -> HygieFlows.backup(repo, second));
            String chain = messages(e);
            assertTrue(chain.contains("failed after 6 attempts") && chain.contains("the server answered 500"), chain);
            assertTrue(chain.contains("rest:http://127.0.0.1:" + proxy.port() + "/down/"), chain);
        }
        RemoteRestic restic = new RemoteRestic(server.location("down"), PASSWORD, List.of(), Map.of());
        assertTrue(restic.ok("check", "--read-data").out().contains("no errors were found"));
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
