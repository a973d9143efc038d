package org.hygie.backend.s3;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Wrong credentials and unreachable stores fail at once, with a message that says what to fix, and no secret. */
class S3CredentialsErrorTest {
    private static S3ProxyServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new S3ProxyServer();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void wrongSecretNamesTheVariableToCheck() {
        long start = System.nanoTime();
        IOException e = assertThrows(IOException.class, () -> S3Backend.open(server.location("bucket", "p"),
                S3ProxyServer.settings().withCredentials(S3Credentials.of(S3ProxyServer.ACCESS_KEY,
                        "not-the-secret-at-all"))));
        assertTrue(e.getMessage().contains("AWS_SECRET_ACCESS_KEY"), e.getMessage());
        assertFalse(e.getMessage().contains("not-the-secret-at-all"), e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "no retries for a refusal");
    }

    @Test
    void unknownAccessKeyNamesTheVariableToCheck() {
        IOException e = assertThrows(IOException.class, () -> S3Backend.open(server.location("bucket", "p"),
                S3ProxyServer.settings().withCredentials(S3Credentials.of("somebody-else",
                        S3ProxyServer.SECRET_KEY))));
        assertTrue(e.getMessage().contains("AWS_ACCESS_KEY_ID"), e.getMessage());
        assertFalse(e.getMessage().contains(S3ProxyServer.SECRET_KEY), e.getMessage());
    }

    @Test
    void noServerThereSaysSo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        IOException e = assertThrows(IOException.class, () -> S3Backend.open(
                "s3:http://127.0.0.1:" + port + "/bucket/p", S3ProxyServer.settings()));
        assertTrue(e.getMessage().contains("cannot talk to the S3 store at http://127.0.0.1:" + port),
                e.getMessage());
    }

    @Test
    void theProviderTurnsBadLocationsAndOptionsIntoIoErrors() {
        S3BackendProvider p = new S3BackendProvider();
        IOException bad = assertThrows(IOException.class, () -> p.open("s3:http://127.0.0.1:1", java.util.Map.of()));
        assertTrue(bad.getMessage().contains("no bucket"), bad.getMessage());
        IOException opt = assertThrows(IOException.class, () -> p.open(server.location("bucket", "p"),
                java.util.Map.of("s3.nonsense", "1")));
        assertTrue(opt.getMessage().contains("unknown S3 option"), opt.getMessage());
    }
}
