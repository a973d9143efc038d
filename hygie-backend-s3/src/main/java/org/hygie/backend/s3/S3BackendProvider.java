package org.hygie.backend.s3;

import java.io.IOException;
import java.util.Map;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.BackendProvider;

/**
 * Serves {@code s3:} locations; registered for {@link java.util.ServiceLoader} in
 * {@code META-INF/services/org.hygie.repository.backend.BackendProvider}. Settings come from the options
 * ({@code s3.region}, {@code s3.timeout}, …) and the process environment (credentials, region): see
 * {@link S3Settings} and {@link S3Credentials}.
 */
public final class S3BackendProvider implements BackendProvider {

    @Override
    public String scheme() {
        return "s3";
    }

    @Override
    public Backend open(String location, Map<String, String> options) throws IOException {
        S3Settings settings;
        try {
            S3Location.parse(location);
            settings = S3Settings.from(options, System.getenv());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        try {
            return S3Backend.open(location, settings);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
