package org.hygie.backend.sftp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * The keys an OpenSSH {@code known_hosts} file records for one host and port (plain or hashed host names,
 * {@code [host]:port} for other ports than 22, {@code @revoked} markers). Read-only: Hygie never adds a key by
 * itself.
 */
final class KnownHosts {
    /** One recorded key for the host. */
    record Known(PublicKey key, boolean revoked) {
        String type() {
            return KeyUtils.getKeyType(key);
        }
    }

    private final Path file;
    private final List<Known> keys;

    private KnownHosts(Path file, List<Known> keys) {
        this.file = file;
        this.keys = keys;
    }

    /** The entries of {@code file} for {@code host} and {@code port}; none when the file does not exist. */
    static KnownHosts read(Path file, String host, int port) throws IOException {
        List<Known> keys = new ArrayList<>();
        List<KnownHostEntry> entries;
        try {
            entries = Files.exists(file) ? KnownHostEntry.readKnownHostEntries(file) : List.of();
        } catch (NoSuchFileException e) {
            entries = List.of();
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot read the known hosts file " + file + ": " + e.getMessage(), e);
        }
        for (KnownHostEntry e : entries) {
            if (e.getKeyEntry() == null || !e.isHostMatch(host, port)) {
                continue;
            }
            String marker = e.getMarker();
            if (marker != null && !marker.equals("revoked")) {
                continue; // @cert-authority: certificates are not supported, the entry does not vouch for a key
            }
            try {
                PublicKey key = e.getKeyEntry().resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
                if (key != null) {
                    keys.add(new Known(key, marker != null));
                }
            } catch (GeneralSecurityException | RuntimeException ex) {
                continue; // a key type this program cannot decode cannot match either
            }
        }
        return new KnownHosts(file, List.copyOf(keys));
    }

    Path file() {
        return file;
    }

    List<Known> keys() {
        return keys;
    }

    /** Key types recorded (not revoked) for the host, to ask the server for one of them first. */
    Set<String> keyTypes() {
        Set<String> types = new LinkedHashSet<>();
        for (Known k : keys) {
            if (!k.revoked()) {
                types.add(k.type());
            }
        }
        return types;
    }
}
