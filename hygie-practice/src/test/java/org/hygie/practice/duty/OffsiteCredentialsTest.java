package org.hygie.practice.duty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hygie.backend.s3.S3ProxyServer;
import org.hygie.backend.sftp.testing.SftpTestServer;
import org.hygie.practice.TestPractice;
import org.hygie.practice.config.ConfigLoader;
import org.hygie.practice.config.CredentialsFile;
import org.hygie.practice.config.Medium;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.journal.Event;
import org.hygie.practice.journal.Journal;
import org.hygie.practice.journal.Outcome;
import org.hygie.practice.journal.Step;
import org.hygie.practice.media.MediumOpener;
import org.hygie.practice.setup.Initialiser;
import org.hygie.practice.status.Status;
import org.hygie.practice.text.Texts;
import org.hygie.repository.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly duty logs in to its offsite store with the medium's private credentials file, as a duty started by
 * a scheduler must (no AWS or HYGIE_SFTP variable in its environment: hygie-practice's pom sets none): an S3 bucket
 * (s3proxy) and an SSH server taking a password (MINA SSHD). A wrong secret in the file is refused by the store and
 * the disks are backed up all the same; no secret, right or wrong, is ever written to the journal, the status or
 * the configuration.
 */
class OffsiteCredentialsTest {
    @TempDir
    Path tmp;
    S3ProxyServer s3;
    SftpTestServer sftp;
    TestPractice p;

    @AfterEach
    void tearDown() throws Exception {
        if (s3 != null) {
            s3.close();
        }
        if (sftp != null) {
            sftp.close();
        }
    }

    /** The practice's two disks (A plugged in) and {@code cloud} as the third medium, with these YAML lines. */
    private PracticeConfig practice(String location, String lines, Map<String, String> secrets) throws Exception {
        p = new TestPractice(tmp);
        p.initDisk("disque-A");
        p.initDisk("disque-B");
        p.unplug("disque-B");
        Path credentials = p.config.resolveSibling("cloud.credentials");
        CredentialsFile.write(credentials, secrets, "test");
        Files.writeString(p.config, p.yaml().replace("schedule:", "  - name: cloud\n    repo: " + location
                + "\n    offsite: true\n" + lines.strip().indent(4) + "    credentials: cloud.credentials\nschedule:"));
        return ConfigLoader.load(p.config).config();
    }

    private DutyReport night(PracticeConfig config) {
        p.clock.set(LocalDate.of(2026, 3, 2).atTime(2, 30));
        return new DutyRunner(config, p.services(), DutyListener.NONE).duty();
    }

    private static List<Event> on(DutyReport r, String step, String medium) {
        return r.events(step).stream().filter(e -> medium.equals(e.medium())).toList();
    }

    private static void backedUp(DutyReport r, String medium) {
        List<Event> b = on(r, Step.BACKUP, medium);
        assertEquals(2, b.size(), medium + ": " + r.events());
        b.forEach(e -> assertEquals(Outcome.OK, e.outcome(), e.summary()));
    }

    /**
     * Nowhere in the state folder (journal, WAL; here the configuration's folder too) but in its credentials file,
     * nor in the status JSON.
     */
    private void nowhere(PracticeConfig config, String secret) throws IOException {
        Path credentials = config.medium("cloud").orElseThrow().credentials();
        try (Stream<Path> files = Files.walk(config.stateDir())) {
            for (Path f : files.filter(f -> Files.isRegularFile(f) && !f.equals(credentials)).toList()) {
                assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(secret),
                        "a secret in " + f);
            }
        }
        assertFalse(Files.readString(p.config).contains(secret), "a secret in the configuration");
        try (Journal j = Journal.open(config.stateDir(), p.clock)) {
            assertFalse(Status.json(Status.of(config, j), Texts.of("fr")).toString().contains(secret));
        }
    }

    @Test
    void anS3StoreIsBackedUpWithTheKeyOfItsFileAndAWrongKeyThereIsRefused() throws Exception {
        s3 = new S3ProxyServer();
        String cloud = s3.location("cabinet-exemple", "hygie");
        PracticeConfig config = practice(cloud, "options: {s3.region: eu-west-3}", S3ProxyServer.env());
        Medium medium = config.medium("cloud").orElseThrow();
        String id = new Initialiser(MediumOpener.LIVE, Repository.KdfParams.TESTING).prepare(medium,
                TestPractice.PASSWORD.getBytes(StandardCharsets.UTF_8)).id();

        DutyReport good = night(config);
        backedUp(good, "disque-A");
        backedUp(good, "cloud");
        assertEquals(id, on(good, Step.PRESENCE, "cloud").get(0).data().path("found").asText());
        nowhere(config, S3ProxyServer.SECRET_KEY);

        // the key of the file changed to a wrong one: the store refuses it, whatever this JVM's environment holds
        String wrong = "pas-la-bonne-cle-secrete";
        CredentialsFile.write(medium.credentials(), Map.of("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", wrong), "test");
        DutyReport refused = night(config);
        backedUp(refused, "disque-A");
        assertTrue(on(refused, Step.BACKUP, "cloud").isEmpty(), "nothing written to the store");
        Event presence = on(refused, Step.PRESENCE, "cloud").get(0);
        assertEquals("unreachable", presence.data().path("presence").asText());
        assertTrue(presence.data().path("detail").asText().contains("AWS_SECRET_ACCESS_KEY"), presence.toString());
        Notice n = refused.notices().stream().filter(x -> x.code().equals("unreachable")).findFirst().orElseThrow();
        assertEquals("cloud", n.medium());
        nowhere(config, wrong);
        nowhere(config, S3ProxyServer.SECRET_KEY);
    }

    @Test
    void anSftpStoreLogsInWithThePasswordOfItsFile() throws Exception {
        sftp = SftpTestServer.start(tmp.resolve("nas"));
        String location = sftp.location("/hygie");
        PracticeConfig config = practice(location, "options: {sftp.known-hosts: \"" + sftp.knownHosts() + "\"}",
                Map.of("HYGIE_SFTP_PASSWORD", SftpTestServer.PASSWORD));
        Medium medium = config.medium("cloud").orElseThrow();
        assertEquals("sftp", medium.scheme());
        new Initialiser(MediumOpener.LIVE, Repository.KdfParams.TESTING).prepare(medium,
                TestPractice.PASSWORD.getBytes(StandardCharsets.UTF_8));
        assertTrue(Files.isRegularFile(sftp.root().resolve("hygie/config")), "created on the server");

        DutyReport good = night(config);
        backedUp(good, "disque-A");
        backedUp(good, "cloud");
        nowhere(config, SftpTestServer.PASSWORD);

        String wrong = "mauvais mot de passe du NAS";
        CredentialsFile.write(medium.credentials(), Map.of("HYGIE_SFTP_PASSWORD", wrong), "test");
        DutyReport refused = night(config);
        backedUp(refused, "disque-A");
        assertTrue(on(refused, Step.BACKUP, "cloud").isEmpty());
        Event presence = on(refused, Step.PRESENCE, "cloud").get(0);
        assertEquals("unreachable", presence.data().path("presence").asText());
        assertTrue(presence.data().path("detail").asText().contains("refused the login"), presence.toString());
        nowhere(config, wrong);
    }
}
