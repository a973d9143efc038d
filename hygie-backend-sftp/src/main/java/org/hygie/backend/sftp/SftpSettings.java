package org.hygie.backend.sftp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hygie.repository.backend.BackendOptions;

/**
 * How to reach an SSH server, from the backend options and the environment (an option wins):
 * <ul>
 *   <li>{@code sftp.key} / {@code HYGIE_SFTP_KEY}: the private key file; by default {@code ~/.ssh/id_ed25519},
 *       {@code id_ecdsa} and {@code id_rsa}, those that exist;</li>
 *   <li>{@code HYGIE_SFTP_KEY_PASSPHRASE}: the passphrase of an encrypted key (environment only);</li>
 *   <li>{@code HYGIE_SFTP_PASSWORD}: the account's password (environment only, never in argv);</li>
 *   <li>{@code sftp.known-hosts} / {@code HYGIE_SFTP_KNOWN_HOSTS}: the known hosts file, by default
 *       {@code ~/.ssh/known_hosts};</li>
 *   <li>{@code sftp.connections}: SFTP channels used at once on the one SSH session (default 5, as restic);</li>
 *   <li>{@code sftp.timeout}: seconds to wait for the server before giving up on a step (default 60).</li>
 * </ul>
 */
public record SftpSettings(List<Path> keyFiles, boolean keyFilesExplicit, String keyPassphrase, String password,
        Path knownHosts, int connections, Duration timeout) {

    public static final String KEY = "sftp.key";
    public static final String KNOWN_HOSTS = "sftp.known-hosts";
    public static final String CONNECTIONS = "sftp.connections";
    public static final String TIMEOUT = "sftp.timeout";
    /** The option names ({@code -o}) an SSH server takes. */
    public static final Set<String> OPTIONS = Set.of(KEY, KNOWN_HOSTS, CONNECTIONS, TIMEOUT);

    public SftpSettings {
        keyFiles = List.copyOf(keyFiles);
        if (connections < 1 || connections > 64) {
            throw new IllegalArgumentException("sftp.connections must be between 1 and 64, not " + connections);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("sftp.timeout must be positive");
        }
    }

    /** Settings from backend options, then environment variables, then the defaults under {@code home}. */
    public static SftpSettings resolve(Map<String, String> options, Map<String, String> env, Path home) {
        Path ssh = home.resolve(".ssh");
        String key = first(options.get(KEY), env.get("HYGIE_SFTP_KEY"));
        List<Path> keys = new ArrayList<>();
        if (key != null) {
            keys.add(Path.of(key));
        } else {
            for (String name : List.of("id_ed25519", "id_ecdsa", "id_rsa")) {
                keys.add(ssh.resolve(name));
            }
        }
        String known = first(options.get(KNOWN_HOSTS), env.get("HYGIE_SFTP_KNOWN_HOSTS"));
        for (String k : options.keySet()) {
            if (k.startsWith("sftp.") && !OPTIONS.contains(k)) {
                throw new IllegalArgumentException("unknown SFTP option " + k + " (known: " + String.join(", ",
                        new java.util.TreeSet<>(OPTIONS)) + ")");
            }
        }
        int connections = BackendOptions.wholeNumber(options, CONNECTIONS, 5);
        Duration timeout = Duration.ofSeconds(BackendOptions.wholeNumber(options, TIMEOUT, 60));
        return new SftpSettings(keys, key != null, env.get("HYGIE_SFTP_KEY_PASSPHRASE"),
                emptyToNull(env.get("HYGIE_SFTP_PASSWORD")),
                known != null ? Path.of(known) : ssh.resolve("known_hosts"), connections, timeout);
    }

    private static String first(String a, String b) {
        return a != null && !a.isEmpty() ? a : b;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    @Override
    public String toString() {
        return "SftpSettings[keys=" + keyFiles + ", password=" + (password == null ? "none" : "***") + ", knownHosts="
                + knownHosts + ", connections=" + connections + ", timeout=" + timeout + "]";
    }
}
