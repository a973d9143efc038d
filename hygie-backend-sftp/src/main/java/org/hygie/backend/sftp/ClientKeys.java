package org.hygie.backend.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Loads the private keys to authenticate with (OpenSSH, PEM or PKCS#8 files; Ed25519, ECDSA, RSA). A key file
 * named explicitly must load; default ones ({@code ~/.ssh/id_*}) are skipped when absent or unusable, and the
 * reason is remembered for the message should authentication fail.
 */
final class ClientKeys {
    private final List<KeyPair> keys = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    private ClientKeys() {
    }

    static ClientKeys load(SftpSettings settings) throws IOException {
        ClientKeys out = new ClientKeys();
        FilePasswordProvider passphrase = settings.keyPassphrase() == null ? FilePasswordProvider.EMPTY
                : FilePasswordProvider.of(settings.keyPassphrase());
        for (Path file : settings.keyFiles()) {
            if (!Files.isRegularFile(file)) {
                if (settings.keyFilesExplicit()) {
                    throw new IOException("the SSH key file " + file + " does not exist");
                }
                continue;
            }
            try (InputStream in = Files.newInputStream(file)) {
                Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()),
                        in, passphrase);
                if (pairs != null) {
                    pairs.forEach(out.keys::add);
                }
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                String why = "cannot use the SSH key file " + file + ": " + describe(e, settings);
                if (settings.keyFilesExplicit()) {
                    throw new IOException(why, e);
                }
                out.skipped.add(why);
            }
        }
        return out;
    }

    private static String describe(Exception e, SftpSettings settings) {
        String m = String.valueOf(e.getMessage());
        if (settings.keyPassphrase() == null && m.toLowerCase(java.util.Locale.ROOT).contains("password")) {
            return "it is protected by a passphrase; give it in HYGIE_SFTP_KEY_PASSPHRASE";
        }
        return m;
    }

    List<KeyPair> keys() {
        return keys;
    }

    /** Default key files that exist but could not be used, with the reason. */
    List<String> skipped() {
        return skipped;
    }
}
