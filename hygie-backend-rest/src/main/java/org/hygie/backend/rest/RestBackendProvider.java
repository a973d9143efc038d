package org.hygie.backend.rest;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.BackendProvider;
import org.hygie.repository.backend.BackendSecrets;

/**
 * {@code rest:} locations (see {@link RestLocation}), with settings from {@link RestSettings}: the credentials a
 * program hands in ({@link BackendSecrets}: {@code HYGIE_REST_USERNAME}, {@code HYGIE_REST_PASSWORD}, from the
 * practice's credentials file) win over the process environment.
 */
public final class RestBackendProvider implements BackendProvider {
    private final Map<String, String> env;

    /** The provider {@link java.util.ServiceLoader} makes: credentials from the process environment. */
    public RestBackendProvider() {
        this(System.getenv());
    }

    public RestBackendProvider(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public String scheme() {
        return "rest";
    }

    @Override
    public Backend open(String location, Map<String, String> options) throws IOException {
        return open(location, options, BackendSecrets.NONE);
    }

    @Override
    public Backend open(String location, Map<String, String> options, BackendSecrets secrets) throws IOException {
        try {
            return new RestBackend(location, RestLocation.parse(location), RestSettings.resolve(options,
                    secrets.over(env)));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public Set<String> optionNames() {
        return RestSettings.OPTIONS;
    }

    @Override
    public void checkOptions(Map<String, String> options) {
        RestSettings.resolve(options, Map.of());
    }

    @Override
    public void checkLocation(String location) {
        RestLocation.parse(location);
    }
}
