package org.hygie.backend.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.BackendSecrets;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.backend.Locations;
import org.hygie.repository.error.RepositoryException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access key handed in by a program ({@link BackendSecrets}: the practice's credentials file) is used instead of
 * the environment's, as a whole pair; with it, a store is reached with no AWS variable anywhere.
 */
class S3SecretsTest {
    private static S3ProxyServer server;

    @TempDir
    Path home;

    @BeforeAll
    static void start() throws Exception {
        server = new S3ProxyServer();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static BackendSecrets key(String secret) {
        return BackendSecrets.of(Map.of("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY",
                secret));
    }

    @Test
    void aWrongKeyHandedInIsRefusedEvenWhenTheEnvironmentHasTheRightOne() {
        IOException e = assertThrows(IOException.class, () -> new S3BackendProvider(S3ProxyServer.env())
                .open(server.location("secrets", "wrong"), Map.of(), key("pas-le-bon-secret")));
        assertTrue(e.getMessage().contains("AWS_SECRET_ACCESS_KEY"), e.getMessage());
        assertFalse(e.getMessage().contains("pas-le-bon-secret"), e.getMessage());
    }

    @Test
    void theRightKeyHandedInNeedsNothingFromTheEnvironment() throws Exception {
        // no AWS variable, and a home folder without ~/.aws/credentials
        Map<String, String> env = Map.of("HOME", home.toString());
        try (Backend b = new S3BackendProvider(env).open(server.location("secrets", "right"),
                Map.of("s3.region", "eu-west-3"), key(S3ProxyServer.SECRET_KEY))) {
            b.create();
            b.save(FileType.CONFIG, null, "c".getBytes(StandardCharsets.UTF_8));
            assertEquals(List.of(), b.list(FileType.SNAPSHOT));
        }
        // and through Locations, as the practice opens its media (this JVM's environment has no AWS key either way:
        // the one handed in wins)
        try (Backend b = Locations.open(server.location("secrets", "right"), Map.of(), key(S3ProxyServer.SECRET_KEY))) {
            assertTrue(b.exists(FileType.CONFIG, null));
        }
        RepositoryException e = assertThrows(RepositoryException.class, () -> Locations.open(
                server.location("secrets", "right"), Map.of(), key("encore-faux")));
        assertFalse(e.getMessage().contains("encore-faux"), e.getMessage());
    }

    @Test
    void aKeyHandedInReplacesTheEnvironmentsWholePair() {
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", "autre", "AWS_SECRET_ACCESS_KEY", "autre-secret",
                "AWS_SESSION_TOKEN", "jeton", "AWS_PROFILE", "cabinet", "AWS_DEFAULT_REGION", "eu-west-3");
        Map<String, String> merged = S3Credentials.environment(env, key("le-bon"));
        assertEquals(Map.of("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", "le-bon",
                "AWS_DEFAULT_REGION", "eu-west-3"), merged);
        // a region alone keeps the environment's key
        Map<String, String> region = S3Credentials.environment(env, BackendSecrets.of(Map.of("AWS_DEFAULT_REGION",
                "fr-par")));
        assertEquals("autre", region.get("AWS_ACCESS_KEY_ID"));
        assertEquals("fr-par", region.get("AWS_DEFAULT_REGION"));
        assertEquals(env, S3Credentials.environment(env, BackendSecrets.NONE));
    }

    @Test
    void optionsAreCheckedWithoutCredentials() {
        S3BackendProvider p = new S3BackendProvider(Map.of());
        assertTrue(p.optionNames().contains("s3.region"));
        p.checkOptions(Map.of("s3.region", "eu-west-3", "s3.timeout", "120", "sftp.key", "ignored"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> p.checkOptions(Map.of("s3.regoin", "eu-west-3")));
        assertTrue(unknown.getMessage().contains("unknown S3 option s3.regoin"), unknown.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> p.checkOptions(Map.of("s3.timeout", "longtemps")));
        assertTrue(bad.getMessage().contains("s3.timeout must be a number of seconds"), bad.getMessage());
    }
}
