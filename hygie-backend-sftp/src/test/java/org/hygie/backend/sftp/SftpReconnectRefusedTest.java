package org.hygie.backend.sftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.hygie.backend.sftp.testing.SftpTestServer;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.backend.RetryingBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection breaks in the middle of the work and is rebuilt, as the product opens a server (the SFTP backend
 * inside {@link RetryingBackend}); the server (MINA SSHD in this JVM) then presents another host key, or refuses the
 * login. Retrying cannot change either answer: the refusal comes at once, after one connection, not after one
 * connection per attempt.
 */
class SftpReconnectRefusedTest {
    /** Enough attempts that retrying a refusal would show. */
    private static final RetryingBackend.Policy PATIENT =
            new RetryingBackend.Policy(6, Duration.ofMillis(20), Duration.ofMillis(100));

    @TempDir
    Path tmp;
    SftpTestServer server;
    Backend backend;

    @BeforeEach
    void connect() throws Exception {
        server = SftpTestServer.start(tmp.resolve("server"));
        Map<String, String> options = Map.of(SftpSettings.KEY, server.clientKey().toString(), SftpSettings.KNOWN_HOSTS,
                server.knownHosts().toString(), SftpSettings.TIMEOUT, "5");
        backend = new RetryingBackend(new SftpBackendProvider(Map.of(), tmp).open(server.location("/repo"), options),
                PATIENT);
        backend.create();
        assertEquals(List.of(), backend.list(FileType.SNAPSHOT));
        assertEquals(1, server.connections());
    }

    @AfterEach
    void close() throws Exception {
        backend.close();
        server.close();
    }

    @Test
    void aHostKeyThatChangedWhenTheConnectionIsRebuiltIsRefusedAtOnce() throws Exception {
        server.changeHostKey(SftpTestServer.newHostKey());
        server.dropConnections();

        HostKeyException e = assertThrows(HostKeyException.class, () -> backend.list(FileType.SNAPSHOT));
        assertEquals(HostKeyException.Reason.CHANGED, e.reason());
        assertTrue(e.presented().endsWith(KeyUtils.getFingerPrint(server.hostKey().getPublic())), e.presented());
        assertEquals(2, server.connections(), "one connection to rebuild the session, no retry");
    }

    @Test
    void aLoginRefusedWhenTheConnectionIsRebuiltIsRefusedAtOnce() throws Exception {
        server.refuseLogins(true);
        server.dropConnections();

        LoginRefusedException e = assertThrows(LoginRefusedException.class,
                () -> backend.load(FileType.CONFIG, null));
        assertEquals(SftpTestServer.USER, e.user());
        assertEquals(2, server.connections(), "one connection to rebuild the session, no retry");

        // the server takes the login again: the next call goes through on a new connection
        server.refuseLogins(false);
        assertEquals(List.of(), backend.list(FileType.SNAPSHOT));
        assertEquals(3, server.connections());
    }
}
