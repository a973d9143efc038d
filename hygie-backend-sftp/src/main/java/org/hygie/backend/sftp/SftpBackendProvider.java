package org.hygie.backend.sftp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.BackendProvider;
import org.hygie.repository.backend.BackendSecrets;

/**
 * {@code sftp:} locations (see {@link SftpLocation}), with settings from {@link SftpSettings}: the options, then the
 * credentials a program hands in ({@link BackendSecrets}: {@code HYGIE_SFTP_PASSWORD}, {@code HYGIE_SFTP_KEY},
 * {@code HYGIE_SFTP_KEY_PASSPHRASE}, from the practice's credentials file), then the process environment.
 */
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
        return open(location, options, BackendSecrets.NONE);
    }

    @Override
    public Backend open(String location, Map<String, String> options, BackendSecrets secrets) throws IOException {
        SftpLocation where;
        SftpSettings settings;
        try {
            where = SftpLocation.parse(location, System.getProperty("user.name"));
            settings = SftpSettings.resolve(options, secrets.over(env), home);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        return SftpBackend.open(location, where, settings);
    }

    @Override
    public Set<String> optionNames() {
        return SftpSettings.OPTIONS;
    }

    @Override
    public void checkOptions(Map<String, String> options) {
        SftpSettings.resolve(options, Map.of(), home);
    }

    @Override
    public void checkLocation(String location) {
        SftpLocation.parse(location, System.getProperty("user.name"));
    }
}
