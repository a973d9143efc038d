package org.hygie.practice.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hygie.practice.text.Texts;
import org.hygie.repository.backend.BackendSecrets;

/**
 * A medium's private credentials file ({@code credentials:} in the configuration): {@code NAME=value} lines under
 * the names of the environment variables the storage reads ({@link BackendSecrets}: {@code AWS_ACCESS_KEY_ID},
 * {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}, {@code AWS_DEFAULT_REGION} for {@code s3:};
 * {@code HYGIE_SFTP_PASSWORD}, {@code HYGIE_SFTP_KEY}, {@code HYGIE_SFTP_KEY_PASSPHRASE} for {@code sftp:};
 * {@code HYGIE_REST_USERNAME}, {@code HYGIE_REST_PASSWORD} for {@code rest:}). Blank lines and lines starting with
 * {@code #} are skipped; blanks around a name and its value are ignored; the value is everything after the first
 * {@code =}. So the duty, started by a scheduler with no such variable, still logs in; they win over the
 * environment's.
 *
 * <p>On POSIX systems the file must be private (0600): one that the group or others may read or write is refused.
 * Nothing in it is ever printed: a problem names the file, the line number and the name, never a value nor the
 * line itself (a secret pasted without its name would be shown otherwise).
 */
public final class CredentialsFile {
    private static final Set<PosixFilePermission> NOT_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private CredentialsFile() {
    }

    /**
     * A credentials file that cannot be used. {@code code} and {@code args} make the configuration problem's
     * sentence ({@code config.<code>} texts, French or English); the message, in English, is for the journal.
     * Neither holds a value of the file.
     */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String code;
        private final transient Object[] args;

        Refused(String code, String message, Object... args) {
            super(message);
            this.code = code;
            this.args = args;
        }

        public String code() {
            return code;
        }

        public Object[] args() {
            return args.clone();
        }

        /**
         * The sentence for the user ({@code config.<code>}), its values as text (a file, permissions, a line
         * number, a name: never a value of the file), to be rendered in the reader's language.
         */
        public Texts.Phrase phrase() {
            return new Texts.Phrase("config." + code, java.util.Arrays.stream(args).map(String::valueOf).toList(),
                    false);
        }
    }

    /** The secrets of medium {@code m}: those of its credentials file, or none when it has none. */
    public static BackendSecrets secrets(Medium m) {
        return m.credentials() == null ? BackendSecrets.NONE : read(m.credentials(), m.scheme());
    }

    /**
     * Reads and checks {@code file} for a storage of {@code scheme}: private, readable, {@code NAME=value} lines,
     * known names of this storage each given once, an S3 key as a pair. A {@code HYGIE_SFTP_KEY} that is relative
     * (or starts with {@code ~/}) is taken from the file's folder (or the home folder).
     */
    public static BackendSecrets read(Path file, String scheme) {
        if (!Files.exists(file)) {
            throw new Refused("credentials-missing", "the credentials file " + file + " does not exist", file);
        }
        String perms = tooOpen(file);
        if (perms != null) {
            throw new Refused("credentials-open", "the credentials file " + file + " may be read by other users ("
                    + perms + "): make it private with chmod 600 " + file, file, perms);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Refused("credentials-unreadable", "cannot read the credentials file " + file + ": "
                    + e.getClass().getSimpleName(), file, String.valueOf(e.getMessage()));
        }
        List<String> allowed = BackendSecrets.names(scheme);
        Map<String, String> values = new LinkedHashMap<>();
        int n = 0;
        for (String raw : lines) {
            n++;
            String line = n == 1 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            int eq = t.indexOf('=');
            String name = eq < 0 ? "" : t.substring(0, eq).strip();
            if (eq <= 0 || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new Refused("credentials-syntax", "line " + n + " of the credentials file " + file
                        + " is not NAME=value", file, n);
            }
            String value = t.substring(eq + 1).strip();
            if (!allowed.contains(name)) {
                String other = BackendSecrets.schemeOf(name);
                if (other != null) {
                    throw new Refused("credentials-other", "line " + n + " of " + file + ": " + name + " is for "
                            + other + ": stores, this medium is " + scheme + ":", file, n, name, other + ":",
                            scheme + ":", String.join(", ", allowed));
                }
                String near = nearest(name, allowed);
                throw new Refused(near != null ? "credentials-unknown-near" : "credentials-unknown", "line " + n
                        + " of " + file + ": unknown name " + name + " (known: " + String.join(", ", allowed) + ")",
                        file, n, name, near != null ? near : String.join(", ", allowed));
            }
            if (values.containsKey(name)) {
                throw new Refused("credentials-twice", "line " + n + " of " + file + ": " + name + " is given twice",
                        file, n, name);
            }
            if (value.isEmpty()) {
                throw new Refused("credentials-empty-value", "line " + n + " of " + file + ": " + name
                        + " has no value", file, n, name);
            }
            if (name.equals("HYGIE_SFTP_KEY")) {
                value = keyPath(file, value);
            }
            values.put(name, value);
        }
        if (values.isEmpty()) {
            throw new Refused("credentials-empty", "the credentials file " + file + " gives no credentials", file,
                    String.join(", ", allowed));
        }
        boolean id = values.containsKey("AWS_ACCESS_KEY_ID");
        boolean secret = values.containsKey("AWS_SECRET_ACCESS_KEY");
        if (id != secret) {
            String missing = id ? "AWS_SECRET_ACCESS_KEY" : "AWS_ACCESS_KEY_ID";
            String given = id ? "AWS_ACCESS_KEY_ID" : "AWS_SECRET_ACCESS_KEY";
            throw new Refused("credentials-pair", "the credentials file " + file + " gives " + given + " without "
                    + missing, file, given, missing);
        }
        return BackendSecrets.of(values);
    }

    /**
     * Writes {@code values} as {@code NAME=value} lines into {@code file}, private from its creation (0600 on
     * POSIX systems) and atomically: a file of that name is replaced whole, never seen half written.
     */
    public static void write(Path file, Map<String, String> values, String comment) throws IOException {
        StringBuilder b = new StringBuilder();
        for (String c : comment.split("\n")) {
            b.append("# ").append(c).append('\n');
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getValue().contains("\n") || e.getValue().contains("\r")) {
                throw new IllegalArgumentException("a credential cannot hold a line break: " + e.getKey());
            }
            b.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path tmp = posix ? Files.createTempFile(dir, "." + file.getFileName(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp,
                    java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(b.toString().getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The permissions (e.g. {@code rw-r--r--}) when the group or others have any, else null (or not POSIX). */
    static String tooOpen(Path file) {
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return null; // Windows: the file lives in the user's own profile folder
        } catch (IOException e) {
            return null; // unreadable: told when it is read
        }
        for (PosixFilePermission p : perms) {
            if (NOT_OTHERS.contains(p)) {
                return PosixFilePermissions.toString(perms);
            }
        }
        return null;
    }

    private static String keyPath(Path file, String value) {
        String home = System.getProperty("user.home");
        Path p = value.startsWith("~/") ? Path.of(home, value.substring(2)) : Path.of(value);
        if (!p.isAbsolute()) {
            p = file.toAbsolutePath().getParent().resolve(p);
        }
        return p.normalize().toString();
    }

    private static String nearest(String typed, List<String> known) {
        List<String> lower = new ArrayList<>();
        for (String k : known) {
            lower.add(k.toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        String near = Suggest.nearest(typed, lower);
        return near == null ? null : known.get(lower.indexOf(near));
    }
}
