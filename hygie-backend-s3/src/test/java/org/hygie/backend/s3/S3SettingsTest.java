package org.hygie.backend.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/** Options, region and credentials from the environment, as restic reads them. */
class S3SettingsTest {
    private static final Map<String, String> KEYS = Map.of("AWS_ACCESS_KEY_ID", "id",
            "AWS_SECRET_ACCESS_KEY", "very-secret");

    @TempDir
    Path tmp;

    @Test
    void defaults() {
        S3Settings s = S3Settings.from(Map.of(), KEYS);
        assertEquals("us-east-1", s.region());
        assertEquals(Duration.ofSeconds(60), s.readTimeout());
        assertEquals(Duration.ofSeconds(10), s.connectTimeout());
        assertTrue(s.conditionalPut());
        AwsCredentials c = s.credentials().resolveCredentials();
        assertEquals("id", c.accessKeyId());
        assertFalse(s.toString().contains("very-secret"), s.toString());
    }

    @Test
    void regionFromOptionThenEnvironment() {
        assertEquals("eu-west-3", S3Settings.from(Map.of(), with("AWS_DEFAULT_REGION", "eu-west-3")).region());
        assertEquals("fr-par", S3Settings.from(Map.of(), with("AWS_REGION", "fr-par")).region());
        assertEquals("gra", S3Settings.from(Map.of("s3.region", "gra"), with("AWS_DEFAULT_REGION", "x")).region());
    }

    @Test
    void optionsAreCheckedAndOthersIgnored() {
        S3Settings s = S3Settings.from(Map.of("s3.timeout", "2.5", "s3.connect-timeout", "PT1S",
                "s3.conditional-put", "false", "sftp.key", "ignored"), KEYS);
        assertEquals(Duration.ofMillis(2500), s.readTimeout());
        assertEquals(Duration.ofSeconds(1), s.connectTimeout());
        assertFalse(s.conditionalPut());
        assertThrows(IllegalArgumentException.class, () -> S3Settings.from(Map.of("s3.regoin", "x"), KEYS));
        assertThrows(IllegalArgumentException.class, () -> S3Settings.from(Map.of("s3.timeout", "-1"), KEYS));
        assertThrows(IllegalArgumentException.class, () -> S3Settings.from(Map.of("s3.timeout", "soon"), KEYS));
        assertThrows(IllegalArgumentException.class,
                () -> S3Settings.from(Map.of("s3.conditional-put", "maybe"), KEYS));
    }

    @Test
    void sessionTokenMakesSessionCredentials() {
        AwsCredentials c = S3Credentials.fromEnvironment(with("AWS_SESSION_TOKEN", "tok"))
                .resolveCredentials();
        assertEquals("tok", assertInstanceOf(AwsSessionCredentials.class, c).sessionToken());
    }

    @Test
    void missingCredentialsSayWhatToSet() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> S3Credentials.fromEnvironment(Map.of("HOME", tmp.toString())));
        assertTrue(e.getMessage().contains("AWS_ACCESS_KEY_ID") && e.getMessage().contains("AWS_PROFILE"),
                e.getMessage());
        IllegalArgumentException half = assertThrows(IllegalArgumentException.class,
                () -> S3Credentials.fromEnvironment(Map.of("AWS_ACCESS_KEY_ID", "id", "HOME", tmp.toString())));
        assertTrue(half.getMessage().contains("AWS_SECRET_ACCESS_KEY is not"), half.getMessage());
    }

    @Test
    void profileFromTheSharedCredentialsFile() throws Exception {
        Path file = tmp.resolve("credentials");
        Files.writeString(file, "[default]\naws_access_key_id = d\naws_secret_access_key = ds\n\n"
                + "[cabinet]\naws_access_key_id = c\naws_secret_access_key = cs\n");
        assertEquals("d", S3Credentials.fromEnvironment(Map.of("AWS_SHARED_CREDENTIALS_FILE", file.toString()))
                .resolveCredentials().accessKeyId());
        assertEquals("c", S3Credentials.fromEnvironment(Map.of("AWS_SHARED_CREDENTIALS_FILE", file.toString(),
                "AWS_PROFILE", "cabinet")).resolveCredentials().accessKeyId());
        Files.createDirectories(tmp.resolve(".aws"));
        Files.copy(file, tmp.resolve(".aws/credentials"));
        assertEquals("d", S3Credentials.fromEnvironment(Map.of("HOME", tmp.toString()))
                .resolveCredentials().accessKeyId());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> S3Credentials
                .fromEnvironment(Map.of("AWS_SHARED_CREDENTIALS_FILE", file.toString(), "AWS_PROFILE", "autre")));
        assertTrue(e.getMessage().contains("profile 'autre'"), e.getMessage());
        assertFalse(e.getMessage().contains("cs"), e.getMessage());
    }

    private static Map<String, String> with(String k, String v) {
        java.util.HashMap<String, String> m = new java.util.HashMap<>(KEYS);
        m.put(k, v);
        return m;
    }
}
