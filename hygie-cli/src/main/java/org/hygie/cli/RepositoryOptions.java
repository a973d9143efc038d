package org.hygie.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.BackendSecrets;
import org.hygie.repository.backend.Locations;
import org.hygie.repository.cache.CacheRoot;
import picocli.CommandLine.Option;

/**
 * Where the repository is and how to get its password: {@code --repo} or {@code HYGIE_REPOSITORY}, with storage
 * settings in {@code -o key=value} (restic's names, e.g. {@code s3.region});
 * {@code --password-file}, {@code HYGIE_PASSWORD_FILE}, {@code HYGIE_PASSWORD} or a prompt on the terminal.
 * Never a password in argv.
 */
public final class RepositoryOptions {
    @Option(names = {"-r", "--repo"}, paramLabel = "DÉPÔT",
            description = "Dépôt (dossier, s3:https://hôte/bucket/préfixe…) / repository location. "
                    + "Défaut : HYGIE_REPOSITORY.")
    String repo;

    @Option(names = {"-o", "--option"}, paramLabel = "CLÉ=VALEUR",
            description = "Réglage du stockage / storage setting, as restic's -o: s3.region=eu-west-3, "
                    + "s3.timeout=120 (secondes / seconds). Jamais un secret / never a secret (environnement / "
                    + "environment).")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = {"-p", "--password-file"}, paramLabel = "FICHIER",
            description = "Fichier du mot de passe / password file. Défaut : HYGIE_PASSWORD_FILE, HYGIE_PASSWORD, "
                    + "ou demandé au terminal.")
    Path passwordFile;

    @Option(names = "--no-cache", description = "Sans copie locale de l'index, des sauvegardes et des arbres d'un "
            + "dépôt distant / no local copy of a remote repository's index, snapshots and trees. Copie / copy: "
            + "HYGIE_CACHE_DIR, "
            + "~/.cache/hygie.")
    boolean noCache;

    public String location() {
        String r = repo != null ? repo : System.getenv("HYGIE_REPOSITORY");
        if (r == null || r.isBlank()) {
            throw new UserError(ExitCode.USAGE, "error.no-repo-given");
        }
        return r;
    }

    public Backend backend() {
        refuseSecrets(options, location());
        checkAddressAndOptions(location(), options);
        return Locations.open(location(), options);
    }

    /**
     * A malformed address ({@code s3:https://host/Cabinet_Dupont}), an option the storage does not take, or a value
     * it does not accept ({@code -o s3.conditional-put=peut-etre}) is a mistake on the command line (exit 2), said
     * before the store is asked anything, not a storage failure.
     */
    static void checkAddressAndOptions(String location, Map<String, String> options) {
        try {
            Locations.checkLocation(location);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.USAGE, "usage.bad-location", Locations.redact(location), e.getMessage());
        }
        try {
            Locations.checkOptions(location, options);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.USAGE, "usage.bad-option", e.getMessage());
        }
    }

    /**
     * Refuses an option that would carry a secret ({@code -o s3.secret-key=…}, {@code -o AWS_SECRET_ACCESS_KEY=…}):
     * its value is in argv, which {@code ps} shows to every user. The message names the option, never the value.
     */
    static void refuseSecrets(Map<String, String> options, String location) {
        for (String k : options.keySet()) {
            if (BackendSecrets.isSecretOption(k)) {
                String scheme = Locations.scheme(location);
                List<String> names = BackendSecrets.names(scheme == null ? "" : scheme);
                throw new UserError(ExitCode.USAGE, "error.secret-option", k, String.join(", ",
                        names.isEmpty() ? BackendSecrets.allNames() : names));
            }
        }
    }

    /** The password, from the first source that gives one. */
    public byte[] password(Messages msg, Terminal terminal, boolean confirm) {
        Path file = passwordFile;
        String fileFromEnv = setting("HYGIE_PASSWORD_FILE");
        if (file == null && fileFromEnv != null) {
            file = Path.of(fileFromEnv);
        }
        if (file != null) {
            return readPasswordFile(file, terminal, msg);
        }
        String env = setting("HYGIE_PASSWORD");
        if (env != null) {
            return env.getBytes(StandardCharsets.UTF_8);
        }
        return prompt(msg, confirm, "prompt.password");
    }

    /** An environment variable, or null when it is unset or empty (an empty {@code VAR=} means "not given"). */
    private static String setting(String name) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? null : v;
    }

    /** Asks for a password on the terminal (twice when {@code confirm}). */
    public static byte[] prompt(Messages msg, boolean confirm, String promptKey) {
        Console console = System.console();
        if (console == null) {
            throw new UserError(ExitCode.FAILED, "error.no-password");
        }
        char[] first = console.readPassword("%s", msg.get(promptKey));
        if (first == null || first.length == 0) {
            throw new UserError(ExitCode.FAILED, "error.empty-password");
        }
        if (confirm) {
            char[] again = console.readPassword("%s", msg.get("prompt.password-again"));
            if (again == null || !new String(first).equals(new String(again))) {
                throw new UserError(ExitCode.FAILED, "error.passwords-differ");
            }
        }
        return new String(first).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] readPasswordFile(Path file, Terminal terminal, Messages msg) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(ExitCode.FAILED, "error.password-file", file, e.getMessage());
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.OTHERS_READ) || perms.contains(PosixFilePermission.GROUP_READ)) {
                terminal.warn(msg.get("warn.password-file-readable", file));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: no permission bits to check
        }
        String pw = text.strip();
        if (pw.isEmpty()) {
            throw new UserError(ExitCode.FAILED, "error.empty-password");
        }
        return pw.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Opens the repository with the password from the usual sources; a repository across a network is read
     * through the local copy of its index files, snapshots and tree packs (unless {@code --no-cache}).
     */
    public Repository open(Messages msg, Terminal terminal) {
        return throughLocalCopy(openUncached(msg, terminal), noCache, msg, terminal);
    }

    /**
     * {@code r} read through the local copy of its index files, snapshots and tree packs (when across a network), unless
     * {@code noCache}; a copy that cannot be kept is said on the terminal.
     */
    static Repository throughLocalCopy(Repository r, boolean noCache, Messages msg, Terminal terminal) {
        return noCache ? r : r.cachedIn(CacheRoot.standard(), why -> terminal.warn(msg.get("warn.cache", why)));
    }

    /** Opens the repository reading its store only: what a check must read. */
    public Repository openUncached(Messages msg, Terminal terminal) {
        Backend backend = backend();
        return Repository.open(backend, password(msg, terminal, false));
    }
}
