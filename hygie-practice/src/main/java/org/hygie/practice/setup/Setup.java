package org.hygie.practice.setup;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hygie.practice.config.ConfigLoader;
import org.hygie.practice.config.ConfigWriter;
import org.hygie.practice.config.CredentialsFile;
import org.hygie.practice.config.Medium;
import org.hygie.practice.config.Notify;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.config.Retention;
import org.hygie.practice.config.Source;
import org.hygie.practice.config.Span;
import org.hygie.practice.config.Verify;
import org.hygie.practice.media.MediumOpener;
import org.hygie.practice.text.Texts;
import org.hygie.repository.Repository;
import org.hygie.repository.error.RepositoryException;

/**
 * The guided set-up: asks, in plain words, for the practice's name, the backup password (or makes a strong
 * one), the folders to back up, the disks used in alternation (prepares each one's repository, one after the
 * other when they share a mount point), an optional store outside the practice with its credentials (written to a
 * private file beside the configuration, never into it), the time of the nightly run and the mail alerts; then
 * writes the configuration, the password file (0600) and the recovery kit.
 */
public final class Setup {
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    /** {@code rest:http(s)://user[:password]@…}: the user information restic allows in a REST location. */
    private static final Pattern REST_USER = Pattern.compile("rest:(https?://)([^/@]*)@(.*)");
    /** The offsite medium's name. */
    static final String OFFSITE = "cloud";

    private final Conversation c;
    private final Texts t;
    private final MediumOpener backends;
    private final Repository.KdfParams kdf;
    private final Clock clock;
    private final Path home;

    public Setup(Conversation conversation, Texts texts, MediumOpener backends,
            Repository.KdfParams kdf, Clock clock, Path home) {
        this.c = conversation;
        this.t = texts;
        this.backends = backends;
        this.kdf = kdf;
        this.clock = clock;
        this.home = home;
    }

    /** What the set-up wrote; null fields when it was abandoned. */
    public record Result(PracticeConfig config, Path configFile, Path passwordFile, Path kit) {
    }

    public Result run(Path configFile) throws IOException {
        c.say(t.get("setup.welcome"));
        if (Files.exists(configFile) && !yes(t.get("setup.exists", configFile), false)) {
            c.say(t.get("setup.aborted"));
            return new Result(null, null, null, null);
        }
        Path dir = configFile.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String practice = c.ask(t.get("setup.practice"), "Cabinet médical");
        Path passwordFile = dir.resolve("password");
        byte[] password = password(passwordFile);
        List<Source> sources = sources();
        List<Medium> media = new ArrayList<>(disks(password));
        Medium offsite = offsite(password, dir);
        if (offsite != null) {
            media.add(offsite);
        }
        LocalTime schedule = schedule();
        Notify alerts = alerts();
        PracticeConfig config = new PracticeConfig(practice, t.language(), sources, media, schedule,
                Retention.defaults(), Verify.defaults(), passwordFile, alerts, configFile, dir);
        String yaml = ConfigWriter.yaml(config);
        ConfigLoader.parse(yaml, configFile, home); // what we write must load: throws otherwise
        Files.writeString(configFile, yaml, StandardCharsets.UTF_8);
        Path kit = dir.resolve(RecoveryKit.FILE_NAME);
        Files.writeString(kit, RecoveryKit.render(config, t, clock.instant(), clock.getZone()), StandardCharsets.UTF_8);
        c.say(t.get("setup.done.config", configFile));
        c.say(t.get("setup.done.password", passwordFile));
        c.say(t.get("setup.done.kit", kit));
        c.say(t.get("setup.done.next"));
        return new Result(config, configFile, passwordFile, kit);
    }

    private boolean yes(String question, boolean dflt) {
        String y = t.get("setup.yes");
        String n = t.get("setup.no");
        String a = c.ask(question + " (" + (dflt ? y.toUpperCase(Locale.ROOT) + "/" + n
                : y + "/" + n.toUpperCase(Locale.ROOT)) + ")", dflt ? y : n).toLowerCase(Locale.ROOT);
        return a.startsWith(y) || a.startsWith("y") || a.startsWith("o");
    }

    private byte[] password(Path file) throws IOException {
        String pw;
        while (true) {
            String first = c.secret(t.get("setup.password"));
            if (first.isEmpty()) {
                pw = generate();
                c.say(t.get("setup.password.generated", pw));
                break;
            }
            if (first.length() < 12) {
                c.say(t.get("setup.password.short"));
                continue;
            }
            if (first.equals(c.secret(t.get("setup.password.again")))) {
                pw = first;
                break;
            }
            c.say(t.get("setup.password.differ"));
        }
        writePrivate(file, pw + "\n");
        return pw.getBytes(StandardCharsets.UTF_8);
    }

    /** 24 letters and digits without look-alikes, in groups of 4: about 118 bits. */
    static String generate() {
        SecureRandom r = new SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            if (i > 0 && i % 4 == 0) {
                b.append('-');
            }
            b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    static void writePrivate(Path file, String text) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private List<Source> sources() {
        List<Source> out = new ArrayList<>();
        Path docs = home.resolve("Documents");
        while (true) {
            boolean first = out.isEmpty();
            String a = c.ask(t.get(first ? "setup.source.first" : "setup.source"),
                    first && Files.isDirectory(docs) ? docs.toString() : "");
            if (a.isEmpty()) {
                if (first) {
                    c.say(t.get("setup.source.none"));
                    continue;
                }
                return out;
            }
            Path p = expand(a);
            if (!Files.exists(p)) {
                c.say(t.get("setup.source.missing", p));
                continue;
            }
            String before = c.ask(t.get("setup.source.before"), "");
            out.add(new Source(p, List.of(), before.isEmpty() ? null : before, 0));
        }
    }

    private Path expand(String a) {
        Path p = a.equals("~") ? home : a.startsWith("~/") ? home.resolve(a.substring(2)) : Path.of(a);
        return p.toAbsolutePath().normalize();
    }

    private List<Medium> disks(byte[] password) {
        int n;
        while (true) {
            try {
                n = Integer.parseInt(c.ask(t.get("setup.disks"), "2"));
                if (n >= 1 && n <= 8) {
                    break;
                }
            } catch (NumberFormatException e) {
                // asked again
            }
        }
        Span rotation = null;
        if (n > 1) {
            while (rotation == null) {
                try {
                    rotation = Span.parse(c.ask(t.get("setup.disk.rotation"), "7d"));
                } catch (IllegalArgumentException e) {
                    // asked again
                }
            }
        }
        List<Medium> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String name = c.ask(t.get("setup.disk.name", i), "disque-" + (char) ('A' + i - 1));
            String previous = out.isEmpty() ? null : out.get(out.size() - 1).repo();
            Medium m = null;
            while (m == null) {
                String loc = c.ask(t.get("setup.disk.location", name), previous == null ? "" : previous);
                if (loc.isEmpty()) {
                    continue;
                }
                Path repo = expand(loc);
                if (previous != null && repo.toString().equals(previous)) {
                    c.ask(t.get("setup.disk.plug", name), "");
                }
                if (repo.getParent() == null || !Files.isDirectory(repo.getParent())) {
                    c.say(t.get("setup.disk.absent", repo.getParent()));
                    continue;
                }
                try {
                    Initialiser.Prepared p = new Initialiser(backends, kdf).prepare(new Medium(name,
                            repo.toString(), null, false, null, null, 0), password);
                    if (out.stream().anyMatch(x -> p.id().equals(x.id()))) {
                        c.say(t.get("setup.disk.plug", name));
                        continue;
                    }
                    c.say(t.get("setup.disk.ready", name, p.id().substring(0, 8), p.created() ? ""
                            : t.get("setup.disk.adopted")));
                    String kept = c.ask(t.get("setup.disk.kept", name), t.get("setup.disk.kept.default"));
                    m = new Medium(name, repo.toString(), n > 1 ? rotation : null, false, p.id(), kept, 0);
                } catch (RepositoryException e) {
                    c.say(t.get("setup.disk.failed", name, e.getMessage()));
                }
            }
            out.add(m);
        }
        return out;
    }

    private Medium offsite(byte[] password, Path dir) throws IOException {
        if (!yes(t.get("setup.offsite"), false)) {
            return null;
        }
        String loc = "";
        while (loc.isEmpty()) {
            loc = c.ask(t.get("setup.offsite.location"), "");
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        Matcher rest = REST_USER.matcher(loc);
        if (loc.startsWith("s3:")) {
            String keyId = c.ask(t.get("setup.offsite.s3.key"), "");
            if (!keyId.isEmpty()) {
                secrets.put("AWS_ACCESS_KEY_ID", keyId);
                secrets.put("AWS_SECRET_ACCESS_KEY", secret("setup.offsite.s3.secret"));
            }
        } else if (loc.startsWith("sftp:")) {
            String pw = c.secret(t.get("setup.offsite.sftp.password"));
            if (!pw.isEmpty()) {
                secrets.put("HYGIE_SFTP_PASSWORD", pw);
            }
        } else if (rest.matches()) {
            // the user and password typed in the location go to the credentials file, not to hygie.yaml
            String info = rest.group(2);
            int colon = info.indexOf(':');
            String user = decode(colon < 0 ? info : info.substring(0, colon));
            loc = "rest:" + rest.group(1) + rest.group(3);
            secrets.put("HYGIE_REST_USERNAME", user);
            if (colon >= 0) {
                secrets.put("HYGIE_REST_PASSWORD", decode(info.substring(colon + 1)));
                c.say(t.get("setup.offsite.rest.moved"));
            } else {
                secrets.put("HYGIE_REST_PASSWORD", secret("setup.offsite.rest.password", user));
            }
        } else if (loc.startsWith("rest:")) {
            String user = c.ask(t.get("setup.offsite.rest.user"), "");
            if (!user.isEmpty()) {
                secrets.put("HYGIE_REST_USERNAME", user);
                secrets.put("HYGIE_REST_PASSWORD", secret("setup.offsite.rest.password", user));
            }
        }
        Medium m = new Medium(OFFSITE, loc, null, true, null, null, 0);
        if (!secrets.isEmpty()) {
            Path file = dir.resolve(OFFSITE + ".credentials");
            CredentialsFile.write(file, secrets, t.get("setup.offsite.credentials.comment", OFFSITE, loc));
            c.say(t.get("setup.offsite.credentials", file));
            m = m.withCredentials(file);
        }
        try {
            Initialiser.Prepared p = new Initialiser(backends, kdf).prepare(m, password);
            c.say(t.get("setup.disk.ready", OFFSITE, p.id().substring(0, 8), p.created() ? ""
                    : t.get("setup.disk.adopted")));
            m = m.withId(p.id());
        } catch (CredentialsFile.Refused e) {
            // the credentials file's own sentence, naming the file and the fix, as the nightly duty says it
            c.say(t.get("setup.offsite.credentials-refused", OFFSITE, Texts.Phrase.sentence(e.phrase().key(),
                    e.phrase().args())));
        } catch (RepositoryException | IllegalArgumentException e) {
            c.say(t.get("setup.offsite.later", loc, e.getMessage()));
        }
        return m;
    }

    /** A secret typed without being shown; asked again while empty. */
    private String secret(String key, Object... args) {
        while (true) {
            String s = c.secret(t.get(key, args));
            if (!s.isEmpty()) {
                return s;
            }
            c.say(t.get("setup.offsite.secret.empty"));
        }
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private LocalTime schedule() {
        while (true) {
            String a = c.ask(t.get("setup.schedule"), "02:30");
            try {
                String[] hm = a.replace('h', ':').split(":");
                return LocalTime.of(Integer.parseInt(hm[0].strip()), Integer.parseInt(hm[1].strip()));
            } catch (RuntimeException e) {
                c.say(t.get("setup.schedule.bad"));
            }
        }
    }

    private Notify alerts() {
        if (!yes(t.get("setup.mail"), false)) {
            return null;
        }
        URI server = null;
        while (server == null) {
            try {
                URI u = new URI(c.ask(t.get("setup.mail.server"), ""));
                if (("smtp".equals(u.getScheme()) || "smtps".equals(u.getScheme())) && u.getHost() != null) {
                    server = u;
                }
            } catch (java.net.URISyntaxException e) {
                // asked again
            }
        }
        String to = "";
        while (!to.contains("@")) {
            to = c.ask(t.get("setup.mail.to"), "");
        }
        return new Notify(server, List.of(to), null, null, null);
    }
}
