package org.hygie.backend.sftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.hygie.backend.sftp.testing.SftpTestServer;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.BackendSecrets;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.backend.Locations;
import org.hygie.repository.backend.RetryingBackend;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may connect to whom: host keys are checked against known_hosts, logins by key or password. */
class SftpSecurityTest {
    @TempDir
    static Path tmp;
    static SftpTestServer server;

    @TempDir
    Path home;

    @BeforeAll
    static void start() throws Exception {
        server = SftpTestServer.start(tmp.resolve("server"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private Backend open(Map<String, String> env, String repo) throws IOException {
        return new SftpBackendProvider(env, home).open(server.location(repo), Map.of());
    }

    private Map<String, String> env(Path knownHosts) {
        return Map.of("HYGIE_SFTP_KEY", server.clientKey().toString(), "HYGIE_SFTP_KNOWN_HOSTS",
                knownHosts.toString());
    }

    @Test
    void anUnknownServerIsRefusedWithItsFingerprint() throws Exception {
        Path empty = Files.writeString(home.resolve("known_hosts"), "");
        HostKeyException e = assertThrows(HostKeyException.class, () -> open(env(empty), "/unknown"));
        String print = KeyUtils.getFingerPrint(server.hostKey().getPublic());
        assertTrue(e.getMessage().contains("is not known"), e.getMessage());
        assertTrue(e.getMessage().contains(print), e.getMessage());
        assertTrue(e.getMessage().contains(empty.toString()), e.getMessage());
        // no trust on first use: the file is left as it was, and a second try is refused too
        assertEquals("", Files.readString(empty));
        assertThrows(HostKeyException.class, () -> open(env(empty), "/unknown"));
        // a missing file is the same as an empty one
        assertThrows(HostKeyException.class, () -> open(env(home.resolve("absent")), "/unknown"));
        assertFalse(Files.exists(server.root().resolve("unknown")));
    }

    @Test
    void aChangedHostKeyIsRefusedAsAPossibleAttack() throws Exception {
        String other = PublicKeyEntry.toString(SftpTestServer.newHostKey().getPublic());
        Path known = Files.writeString(home.resolve("known_hosts"),
                "nas.example ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n"
                        + "[127.0.0.1]:" + server.port() + " " + other + "\n");
        HostKeyException e = assertThrows(HostKeyException.class, () -> open(env(known), "/changed"));
        assertTrue(e.getMessage().contains("has CHANGED"), e.getMessage());
        assertTrue(e.getMessage().contains(KeyUtils.getFingerPrint(server.hostKey().getPublic())), e.getMessage());
        assertFalse(Files.exists(server.root().resolve("changed")));
    }

    @Test
    void aRevokedHostKeyIsRefused() throws Exception {
        Path known = Files.writeString(home.resolve("known_hosts"), "@revoked [127.0.0.1]:" + server.port() + " "
                + PublicKeyEntry.toString(server.hostKey().getPublic()) + "\n");
        HostKeyException e = assertThrows(HostKeyException.class, () -> open(env(known), "/revoked"));
        assertTrue(e.getMessage().contains("@revoked"), e.getMessage());
    }

    @Test
    void hashedKnownHostsAsOpenSshWritesThemAreRead() throws Exception {
        Path known = home.resolve("known_hosts");
        Files.copy(server.knownHosts(), known);
        Process p = new ProcessBuilder("ssh-keygen", "-H", "-f", known.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        assertTrue(Files.readString(known).startsWith("|1|"), Files.readString(known));
        try (Backend b = open(env(known), "/hashed")) {
            b.create();
        }
        assertTrue(Files.isDirectory(server.root().resolve("hashed/data/ff")));
    }

    @Test
    void theDefaultKeyAndKnownHostsAreThoseOfTheUsersSshFolder() throws Exception {
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        Files.copy(server.clientKey(), ssh.resolve("id_ed25519"));
        Files.copy(server.knownHosts(), ssh.resolve("known_hosts"));
        try (Backend b = open(Map.of(), "/defaults")) {
            b.create();
            b.save(FileType.CONFIG, null, "c".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("c", Files.readString(server.root().resolve("defaults/config")));
    }

    @Test
    void aPasswordFromTheEnvironmentLogsIn() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("HYGIE_SFTP_KNOWN_HOSTS", server.knownHosts().toString());
        env.put("HYGIE_SFTP_PASSWORD", SftpTestServer.PASSWORD);
        try (Backend b = open(env, "/by-password")) {
            b.create();
        }
        assertTrue(Files.isDirectory(server.root().resolve("by-password/keys")));
    }

    @Test
    void aPasswordHandedInWinsOverTheEnvironment() throws Exception {
        Map<String, String> env = Map.of("HYGIE_SFTP_KNOWN_HOSTS", server.knownHosts().toString(),
                "HYGIE_SFTP_PASSWORD", "pas le bon");
        BackendSecrets right = BackendSecrets.of(Map.of("HYGIE_SFTP_PASSWORD", SftpTestServer.PASSWORD));
        try (Backend b = new SftpBackendProvider(env, home).open(server.location("/handed-in"), Map.of(), right)) {
            b.create();
        }
        assertTrue(Files.isDirectory(server.root().resolve("handed-in/keys")));
        // and the other way round: the right password in the environment does not rescue a wrong one handed in
        Map<String, String> rightEnv = Map.of("HYGIE_SFTP_KNOWN_HOSTS", server.knownHosts().toString(),
                "HYGIE_SFTP_PASSWORD", SftpTestServer.PASSWORD);
        BackendSecrets wrong = BackendSecrets.of(Map.of("HYGIE_SFTP_PASSWORD", "toujours pas"));
        IOException e = assertThrows(IOException.class, () -> new SftpBackendProvider(rightEnv, home)
                .open(server.location("/handed-in-wrong"), Map.of(), wrong));
        assertFalse(e.getMessage().contains("toujours pas"), e.getMessage());
        assertFalse(Files.exists(server.root().resolve("handed-in-wrong")));
    }

    @Test
    void optionsAreChecked() {
        SftpBackendProvider p = new SftpBackendProvider(Map.of(), home);
        assertEquals(java.util.Set.of("sftp.key", "sftp.known-hosts", "sftp.connections", "sftp.timeout"),
                p.optionNames());
        p.checkOptions(Map.of("sftp.connections", "2", "s3.region", "ignored"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> p.checkOptions(Map.of("sftp.conections", "2")));
        assertTrue(unknown.getMessage().contains("unknown SFTP option sftp.conections"), unknown.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> p.checkOptions(Map.of("sftp.timeout", "une minute")));
        assertTrue(bad.getMessage().contains("sftp.timeout must be a whole number"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.checkOptions(Map.of("sftp.connections", "0")));
    }

    @Test
    void aWrongPasswordIsRefusedAndSaysWhatWasTried() throws Exception {
        Map<String, String> env = Map.of("HYGIE_SFTP_KNOWN_HOSTS", server.knownHosts().toString(),
                "HYGIE_SFTP_PASSWORD", "pas le bon");
        IOException e = assertThrows(IOException.class, () -> open(env, "/wrong"));
        assertFalse(e instanceof HostKeyException);
        assertTrue(e.getMessage().contains("refused the login of " + SftpTestServer.USER), e.getMessage());
        assertTrue(e.getMessage().contains("the password"), e.getMessage());
        assertFalse(e.getMessage().contains("pas le bon"), "never the password itself: " + e.getMessage());

        IOException none = assertThrows(IOException.class,
                () -> open(Map.of("HYGIE_SFTP_KNOWN_HOSTS", server.knownHosts().toString()), "/wrong"));
        assertTrue(none.getMessage().contains("HYGIE_SFTP_PASSWORD is not set"), none.getMessage());
    }

    @Test
    void aMissingKeyFileNamedExplicitlyIsAnError() {
        IOException e = assertThrows(IOException.class, () -> open(Map.of("HYGIE_SFTP_KEY",
                home.resolve("nope").toString(), "HYGIE_SFTP_KNOWN_HOSTS", "/dev/null"), "/x"));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void locationsFindsTheProviderAndReportsRefusalsAsRepositoryErrors() throws Exception {
        // Through the ServiceLoader, as the command line opens it: the real home folder has no key for this server.
        RepositoryException e = assertThrows(RepositoryException.class,
                () -> Locations.open(server.location("/through-locations"),
                        Map.of(SftpSettings.KNOWN_HOSTS, home.resolve("none").toString())));
        assertEquals(Problem.IO, e.problem());
        assertInstanceOf(HostKeyException.class, e.getCause());
        assertTrue(e.getMessage().contains("is not known"), e.getMessage());

        try (Backend b = Locations.open(server.location("/through-locations"),
                Map.of(SftpSettings.KNOWN_HOSTS, server.knownHosts().toString(), SftpSettings.KEY,
                        server.clientKey().toString()))) {
            assertInstanceOf(RetryingBackend.class, b);
            b.create();
            assertEquals(List.of(), b.list(FileType.SNAPSHOT));
        }
    }
}
