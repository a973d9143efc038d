package org.hygie.repository.key;

import java.io.IOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.FileInfo;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.crypto.CryptoException;
import org.hygie.repository.crypto.CryptoKey;
import org.hygie.repository.crypto.Kdf;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.id.Id;
import org.hygie.repository.json.Json;

/** Opens, adds and lists the key files of a repository (restic-format.md §3.4). */
public final class Keys {
    /** restic tries at most this many key files before giving up. */
    public static final int MAX_KEYS_TRIED = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Keys() {
    }

    /** The key file that opened the repository and the master key it holds. */
    public record Opened(Id keyId, CryptoKey master) {
    }

    /** A key file's public details (no secret in it). */
    public record Info(Id id, String created, String username, String hostname, int n, int r, int p) {
    }

    /** Tries each key file with the password; a key that does not verify is skipped, as restic does. */
    public static Opened open(Backend backend, byte[] password) {
        List<FileInfo> files;
        try {
            files = backend.list(FileType.KEY);
        } catch (IOException e) {
            throw new RepositoryException(Problem.IO, backend.location(), "cannot list keys: " + e.getMessage(), e);
        }
        int tried = 0;
        RepositoryException damaged = null;
        for (FileInfo f : files) {
            if (tried++ >= MAX_KEYS_TRIED) {
                break;
            }
            KeyFile kf;
            try {
                kf = read(backend, f.name());
            } catch (RepositoryException e) {
                damaged = e;
                continue;
            }
            CryptoKey user;
            try {
                user = Kdf.derive(password, kf.salt(), kf.n(), kf.r(), kf.p());
            } catch (IllegalArgumentException e) {
                damaged = new RepositoryException(Problem.CORRUPTED, "keys/" + f.name(), e.getMessage(), e);
                continue;
            }
            try {
                byte[] plain = user.decrypt(kf.data());
                MasterKeyJson mk = Json.read(plain, MasterKeyJson.class);
                return new Opened(Id.parse(f.name()), new CryptoKey(mk.encrypt(), mk.mac().k(), mk.mac().r()));
            } catch (CryptoException e) {
                continue; // not this key: wrong password for it
            } catch (IOException | RuntimeException e) {
                damaged = new RepositoryException(Problem.CORRUPTED, "keys/" + f.name(),
                        "the master key inside does not parse", e);
            }
        }
        if (files.isEmpty()) {
            throw new RepositoryException(Problem.CORRUPTED, "keys/", "the repository has no key file");
        }
        if (damaged != null && files.size() == 1) {
            throw damaged;
        }
        throw new RepositoryException(Problem.WRONG_PASSWORD, backend.location(),
                "no key file opens with this password");
    }

    /** Writes a new key file for {@code master}, opened by {@code password}. Returns its id. */
    public static Id add(Backend backend, CryptoKey master, byte[] password, int n, int r, int p) {
        byte[] salt = new byte[Kdf.SALT_SIZE];
        RANDOM.nextBytes(salt);
        CryptoKey user = Kdf.derive(password, salt, n, r, p);
        byte[] masterJson = Json.write(new MasterKeyJson(new MasterKeyJson.Mac(master.macK(), master.macR()),
                master.encryptKey()));
        KeyFile kf = new KeyFile(OffsetDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                System.getProperty("user.name"), hostname(), "scrypt", n, r, p, salt, user.encrypt(masterJson));
        byte[] bytes = Json.write(kf);
        Id id = Id.hash(bytes);
        try {
            backend.save(FileType.KEY, id.hex(), bytes);
        } catch (IOException e) {
            throw new RepositoryException(Problem.IO, "keys/" + id.hex(), "cannot write key: " + e.getMessage(), e);
        }
        return id;
    }

    public static List<Info> list(Backend backend) {
        List<Info> out = new ArrayList<>();
        try {
            for (FileInfo f : backend.list(FileType.KEY)) {
                KeyFile kf = read(backend, f.name());
                out.add(new Info(Id.parse(f.name()), kf.created(), kf.username(), kf.hostname(), kf.n(), kf.r(),
                        kf.p()));
            }
        } catch (IOException e) {
            throw new RepositoryException(Problem.IO, backend.location(), "cannot list keys: " + e.getMessage(), e);
        }
        return out;
    }

    public static void remove(Backend backend, Id keyId) {
        try {
            backend.delete(FileType.KEY, keyId.hex());
        } catch (IOException e) {
            throw new RepositoryException(Problem.IO, "keys/" + keyId, "cannot remove key: " + e.getMessage(), e);
        }
    }

    private static KeyFile read(Backend backend, String name) {
        try {
            byte[] bytes = backend.load(FileType.KEY, name);
            KeyFile kf = Json.read(bytes, KeyFile.class);
            if (!"scrypt".equals(kf.kdf()) || kf.salt() == null || kf.data() == null) {
                throw new RepositoryException(Problem.CORRUPTED, "keys/" + name, "not a restic scrypt key file");
            }
            return kf;
        } catch (IOException e) {
            throw new RepositoryException(Problem.CORRUPTED, "keys/" + name, "key file unreadable: " + e.getMessage(),
                    e);
        }
    }

    static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String env = System.getenv("HOSTNAME");
            return env == null ? "localhost" : env;
        }
    }
}
