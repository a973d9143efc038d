package org.hygie.backend.sftp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.BackendProvider;

/** {@code sftp:} locations (see {@link SftpLocation}), with settings from {@link SftpSettings}. */
public final class SftpBackendProvider implements BackendProvider {
    private final Map<String, String> env;
    private final Path home;

    /** The provider {@link java.util.ServiceLoader} makes: the process environment, the user's home folder. */
    public SftpBackendProvider() {
        this(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public SftpBackendProvider(Map<String, String> env, Path home) {
        this.env = env;
        this.home = home;
    }

    @Override
    public String scheme() {
        return "sftp";
    }

    @Override
    public Backend open(String location, Map<String, String> options) throws IOException {
        SftpLocation where;
        SftpSettings settings;
        try {
            where = SftpLocation.parse(location, System.getProperty("user.name"));
            settings = SftpSettings.resolve(options, env, home);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        return SftpBackend.open(location, where, settings);
    }
}
