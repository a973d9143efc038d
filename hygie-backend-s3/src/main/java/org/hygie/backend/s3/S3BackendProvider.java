package org.hygie.backend.s3;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.BackendProvider;
import org.hygie.repository.backend.BackendSecrets;
import org.hygie.repository.backend.MissingCredentialsException;

/**
 * Serves {@code s3:} locations; registered for {@link java.util.ServiceLoader} in
 * {@code META-INF/services/org.hygie.repository.backend.BackendProvider}. Settings come from the options
 * ({@code s3.region}, {@code s3.timeout}, …), the credentials a program hands in ({@link BackendSecrets}: the
 * practice's credentials file) and the process environment (credentials, region): see {@link S3Settings} and
 * {@link S3Credentials}.
 */
public final class S3BackendProvider implements BackendProvider {
    private final Map<String, String> env;

    /** The provider {@link java.util.ServiceLoader} makes: the process environment. */
    public S3BackendProvider() {
        this(System.getenv());
    }

    public S3BackendProvider(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public String scheme() {
        return "s3";
    }

    @Override
    public Backend open(String location, Map<String, String> options) throws IOException {
        return open(location, options, BackendSecrets.NONE);
    }

    @Override
    public Backend open(String location, Map<String, String> options, BackendSecrets secrets) throws IOException {
        S3Settings settings;
        try {
            S3Location.parse(location);
            settings = S3Settings.from(options, S3Credentials.environment(env, secrets));
        } catch (S3Credentials.MissingException e) {
            throw new MissingCredentialsException(location, e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        try {
            return S3Backend.open(location, settings);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public Set<String> optionNames() {
        return S3Settings.OPTIONS;
    }

    @Override
    public void checkOptions(Map<String, String> options) {
        S3Settings.checkOptions(options);
    }

    @Override
    public void checkLocation(String location) {
        S3Location.parse(location);
    }
}
