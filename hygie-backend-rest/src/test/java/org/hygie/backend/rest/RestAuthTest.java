package org.hygie.backend.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hygie.backend.rest.testing.RcloneServer;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.BackendSecrets;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.backend.Locations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP basic credentials from the location or the environment; a refusal is clear and never shows a password. */
class RestAuthTest {
    @TempDir
    static Path tmp;
    static RcloneServer server;

    @BeforeAll
    static void start() throws Exception {
        server = RcloneServer.start(tmp, false, "cabinet", "s3cret-du-nas");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private String url(String userInfo, String path) {
        return "rest:http://" + userInfo + "127.0.0.1:" + server.port() + "/" + path + "/";
    }

    @Test
    void credentialsInTheLocationAreSentAndMaskedInMessages() throws Exception {
        try (Backend b = Locations.open(url("cabinet:s3cret-du-nas@", "in-url"))) {
            b.create();
            assertEquals(List.of(), b.list(FileType.SNAPSHOT));
            assertFalse(b.location().contains("s3cret"), b.location());
        }
    }

    @Test
    void credentialsFromTheEnvironmentKeepThePasswordOutOfArgv() throws Exception {
        Map<String, String> env = Map.of("HYGIE_REST_USERNAME", "cabinet", "HYGIE_REST_PASSWORD", "s3cret-du-nas");
        try (Backend b = new RestBackendProvider(env).open(url("", "from-env"), Map.of())) {
            b.create();
            assertTrue(b.list(FileType.KEY).isEmpty());
        }
    }

    @Test
    void credentialsHandedInWinOverTheEnvironment() throws Exception {
        BackendSecrets right = BackendSecrets.of(Map.of("HYGIE_REST_USERNAME", "cabinet", "HYGIE_REST_PASSWORD",
                "s3cret-du-nas"));
        Map<String, String> wrongEnv = Map.of("HYGIE_REST_USERNAME", "cabinet", "HYGIE_REST_PASSWORD", "vieux");
        try (Backend b = new RestBackendProvider(wrongEnv).open(url("", "handed-in"), Map.of(), right)) {
            b.create();
            assertEquals(List.of(), b.list(FileType.SNAPSHOT));
        }
        Map<String, String> rightEnv = Map.of("HYGIE_REST_USERNAME", "cabinet", "HYGIE_REST_PASSWORD",
                "s3cret-du-nas");
        BackendSecrets wrong = BackendSecrets.of(Map.of("HYGIE_REST_USERNAME", "cabinet", "HYGIE_REST_PASSWORD",
                "pas-celui-la"));
        try (Backend b = new RestBackendProvider(rightEnv).open(url("", "handed-in"), Map.of(), wrong)) {
            IOException e = assertThrows(IOException.class, () -> b.list(FileType.SNAPSHOT));
            assertTrue(e.getMessage().contains("(401)"), e.getMessage());
            assertFalse(e.getMessage().contains("pas-celui-la"), e.getMessage());
        }
        // the user in the location, the password handed in (the practice's credentials file)
        BackendSecrets password = BackendSecrets.of(Map.of("HYGIE_REST_PASSWORD", "s3cret-du-nas"));
        try (Backend b = Locations.open(url("cabinet@", "handed-in"), Map.of(), password)) {
            assertEquals(List.of(), b.list(FileType.SNAPSHOT));
        }
    }

    @Test
    void optionsAreChecked() {
        RestBackendProvider p = new RestBackendProvider(Map.of());
        assertEquals(java.util.Set.of("rest.connections", "rest.timeout"), p.optionNames());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> p.checkOptions(Map.of("rest.timout", "2")));
        assertTrue(unknown.getMessage().contains("unknown REST option rest.timout"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.checkOptions(Map.of("rest.connections", "beaucoup")));
    }

    @Test
    void aWrongPasswordIsAClearErrorWithoutThePassword() throws Exception {
        try (Backend b = new RestBackendProvider(Map.of()).open(url("cabinet:pas-le-bon@", "wrong"), Map.of())) {
            IOException e = assertThrows(IOException.class, () -> b.list(FileType.SNAPSHOT));
            assertTrue(e.getMessage().contains("refused the user name or password (401)"), e.getMessage());
            assertFalse(e.getMessage().contains("pas-le-bon"), e.getMessage());
        }
        // a malformed address is a mistake named without the password, not a server out of reach
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Locations.open("rest:http://cabinet:pas-le-bon@127.0.0.1:" + server.port() + "/a b"));
        assertTrue(e.getMessage().contains("malformed REST location rest:http://cabinet:***@"), e.getMessage());
        assertFalse(e.getMessage().contains("pas-le-bon"), e.getMessage());
    }
}
