package org.hygie.repository.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials handed in to a backend: known names only, never printed, never carried by an option. */
class BackendSecretsTest {
    @TempDir
    Path tmp;

    @Test
    void onlyTheBackendsVariableNamesAreTakenAndNoValueIsEverPrinted() {
        BackendSecrets s = BackendSecrets.of(Map.of("AWS_ACCESS_KEY_ID", "AKIA-cabinet", "AWS_SECRET_ACCESS_KEY",
                "tres-secret"));
        assertEquals("BackendSecrets[AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY]", s.toString());
        assertEquals("tres-secret", s.get("AWS_SECRET_ACCESS_KEY"));
        assertEquals(Map.of("AWS_ACCESS_KEY_ID", "AKIA-cabinet", "AWS_SECRET_ACCESS_KEY", "tres-secret", "HOME", "/h"),
                s.over(Map.of("HOME", "/h", "AWS_SECRET_ACCESS_KEY", "celui-de-l-environnement")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BackendSecrets.of(Map.of("AWS_SECRET_KEY", "tres-secret")));
        assertTrue(e.getMessage().contains("unknown credential name AWS_SECRET_KEY"), e.getMessage());
        assertFalse(e.getMessage().contains("tres-secret"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BackendSecrets.of(Map.of("HYGIE_SFTP_PASSWORD", "")));
        assertEquals("s3", BackendSecrets.schemeOf("AWS_SESSION_TOKEN"));
        assertEquals("rest", BackendSecrets.schemeOf("HYGIE_REST_PASSWORD"));
        assertEquals("sftp", BackendSecrets.schemeOf("HYGIE_SFTP_KEY"));
        assertTrue(BackendSecrets.NONE.isEmpty());
    }

    @Test
    void optionsThatWouldCarryASecretAreRecognised() {
        for (String k : new String[] {"AWS_SECRET_ACCESS_KEY", "aws_access_key_id", "HYGIE_SFTP_PASSWORD",
                "s3.secret-key", "s3.secret", "s3.access-key-id", "s3.session-token", "sftp.password",
                "rest.password", "sftp.key-passphrase", "s3.credentials"}) {
            assertTrue(BackendSecrets.isSecretOption(k), k);
        }
        for (String k : new String[] {"s3.region", "s3.timeout", "sftp.key", "sftp.known-hosts", "rest.connections",
                "s3.pack-cache"}) {
            assertFalse(BackendSecrets.isSecretOption(k), k);
        }
    }

    @Test
    void locationsRefusesSecretOptionsAndCredentialsForAFolder() {
        IllegalArgumentException o = assertThrows(IllegalArgumentException.class, () -> Locations.open(
                tmp.toString(), Map.of("s3.secret-key", "tres-secret")));
        assertTrue(o.getMessage().contains("the option s3.secret-key would carry a secret"), o.getMessage());
        assertFalse(o.getMessage().contains("tres-secret"), o.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Locations.checkOptions("s3:https://h/b",
                Map.of("AWS_SECRET_ACCESS_KEY", "x")));
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> Locations.open(
                tmp.toString(), Map.of(), BackendSecrets.of(Map.of("HYGIE_SFTP_PASSWORD", "x"))));
        assertTrue(f.getMessage().contains("a folder takes no credentials"), f.getMessage());
        assertEquals("s3", Locations.scheme("s3:https://h/b"));
        assertEquals("rest:https://cabinet:***@nas:8000/cabinet/",
                Locations.redact("rest:https://cabinet:s3cret@nas:8000/cabinet/"));
        assertEquals("rest:https://cabinet:***@nas:8000/", Locations.redact("rest:https://cabinet:a/b+c@nas:8000/"));
        assertEquals("rest:https://nas:8000/cabinet/", Locations.redact("rest:https://nas:8000/cabinet/"));
        assertEquals("sftp:cabinet@nas:/volume1/hygie", Locations.redact("sftp:cabinet@nas:/volume1/hygie"));
        assertEquals("/media/disque-A/hygie", Locations.redact("/media/disque-A/hygie"));
        assertEquals(null, Locations.scheme("C:\\Sauvegardes"));
    }
}
