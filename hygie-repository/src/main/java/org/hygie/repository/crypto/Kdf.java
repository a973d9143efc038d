package org.hygie.repository.crypto;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.generators.SCrypt;

/** scrypt as restic uses it: 64 derived bytes, split into a key set (restic-format.md §3.4). */
public final class Kdf {
    /** What restic 0.14 ends up with on common machines (128·r·N just under 60 MiB). */
    public static final int DEFAULT_N = 32768;
    public static final int DEFAULT_R = 8;
    public static final int DEFAULT_P = 1;
    public static final int SALT_SIZE = 64;

    private Kdf() {
    }

    /** Derives the user key; parameters are checked as restic's simple-scrypt does. */
    public static CryptoKey derive(byte[] password, byte[] salt, int n, int r, int p) {
        if (n <= 1 || (n & (n - 1)) != 0) {
            throw new IllegalArgumentException("scrypt N must be a power of two > 1, not " + n);
        }
        if (r < 1 || p < 1 || (long) r * p >= (1L << 30)) {
            throw new IllegalArgumentException("invalid scrypt parameters r=" + r + " p=" + p);
        }
        if (salt.length != SALT_SIZE) {
            throw new IllegalArgumentException("the salt must have 64 bytes, not " + salt.length);
        }
        return CryptoKey.fromDerived(SCrypt.generate(password, salt, n, r, p, 64));
    }

    public static byte[] utf8(char[] password) {
        return new String(password).getBytes(StandardCharsets.UTF_8);
    }
}
