package org.hygie.backend.s3;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hygie.repository.backend.BackendSecrets;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Where the access key comes from, in the order restic reads it:
 * <ol>
 *   <li>first, the credentials a program hands in ({@link BackendSecrets}, under the same names: the practice's
 *       credentials file), which replace the environment's key pair as a whole ({@link #environment});</li>
 *   <li>{@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY}, with {@code AWS_SESSION_TOKEN} for temporary
 *       credentials;</li>
 *   <li>otherwise a profile ({@code AWS_PROFILE}, default {@code default}) of the shared credentials file
 *       ({@code AWS_SHARED_CREDENTIALS_FILE}, default {@code ~/.aws/credentials}).</li>
 * </ol>
 * Deliberately not the SDK's default chain: that one ends by asking the EC2 instance-metadata address over the
 * network, which on a practice's PC only adds a delay and a stray connection. Secrets never appear in a message:
 * errors name the variables, not their values.
 */
public final class S3Credentials {
    private S3Credentials() {
    }

    /**
     * The credentials that {@code env} gives; a {@link MissingException} that says what to set when it gives none
     * that can be used.
     */
    public static AwsCredentialsProvider fromEnvironment(Map<String, String> env) {
        String id = blankToNull(env.get("AWS_ACCESS_KEY_ID"));
        String secret = blankToNull(env.get("AWS_SECRET_ACCESS_KEY"));
        if (id != null || secret != null) {
            if (id == null || secret == null) {
                throw new MissingException((id == null ? "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID"
                        : "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY") + " is not: S3 needs both");
            }
            String token = blankToNull(env.get("AWS_SESSION_TOKEN"));
            AwsCredentials c = token == null ? AwsBasicCredentials.create(id, secret)
                    : AwsSessionCredentials.create(id, secret, token);
            return StaticCredentialsProvider.create(c);
        }
        String profile = blankToNull(env.get("AWS_PROFILE"));
        Path file = credentialsFile(env);
        if (file == null || !Files.isRegularFile(file)) {
            throw new MissingException("no S3 credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY "
                    + "(and AWS_SESSION_TOKEN for temporary ones), or AWS_PROFILE with a profile in "
                    + (file == null ? "~/.aws/credentials" : file));
        }
        String name = profile == null ? "default" : profile;
        ProfileCredentialsProvider provider;
        try {
            provider = ProfileCredentialsProvider.builder()
                    .profileFile(ProfileFile.builder().content(file).type(ProfileFile.Type.CREDENTIALS).build())
                    .profileName(name).build();
            provider.resolveCredentials();
        } catch (SdkException | IllegalStateException e) {
            throw new MissingException("no usable S3 credentials in profile '" + name + "' of " + file
                    + ": " + e.getMessage(), e);
        }
        return provider;
    }

    /**
     * The environment the settings are read from: {@code env} with {@code secrets} over it. A key given in the
     * secrets replaces the environment's whole key pair (its session token and profile too), so that an access key
     * id from one source is never signed with a secret from another.
     */
    public static Map<String, String> environment(Map<String, String> env, BackendSecrets secrets) {
        if (secrets.isEmpty()) {
            return env;
        }
        Map<String, String> out = new HashMap<>(env);
        if (secrets.get("AWS_ACCESS_KEY_ID") != null || secrets.get("AWS_SECRET_ACCESS_KEY") != null) {
            for (String k : List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE",
                    "AWS_SHARED_CREDENTIALS_FILE")) {
                out.remove(k);
            }
        }
        return secrets.over(out);
    }

    /** Fixed credentials (tests, or a caller that holds them). */
    public static AwsCredentialsProvider of(String accessKeyId, String secretAccessKey) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
    }

    private static Path credentialsFile(Map<String, String> env) {
        String f = blankToNull(env.get("AWS_SHARED_CREDENTIALS_FILE"));
        if (f != null) {
            return Path.of(f);
        }
        String home = blankToNull(env.get("HOME"));
        if (home == null) {
            home = System.getProperty("user.home");
        }
        return home == null ? null : Path.of(home, ".aws", "credentials");
    }

    /** No credentials that can be used: what to set, in English, without any secret's value. */
    public static final class MissingException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        MissingException(String message) {
            super(message);
        }

        MissingException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
