package org.hygie.backend.rest;

import java.io.IOException;
import java.util.Map;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.BackendProvider;

/** {@code rest:} locations (see {@link RestLocation}), with settings from {@link RestSettings}. */
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
        try {
            return new RestBackend(location, RestLocation.parse(location), RestSettings.resolve(options, env));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
