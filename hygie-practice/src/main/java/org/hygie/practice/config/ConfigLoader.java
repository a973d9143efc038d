package org.hygie.practice.config;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hygie.practice.config.YamlTree.Mapping;
import org.hygie.practice.config.YamlTree.Node;
import org.hygie.practice.config.YamlTree.Scalar;
import org.hygie.practice.config.YamlTree.Sequence;
import org.hygie.repository.backend.BackendSecrets;
import org.hygie.repository.backend.Locations;

/**
 * Reads a practice's YAML configuration and checks all of it, collecting every problem with its line: unknown
 * keys (with the nearest known one), wrong types, bad durations and times, missing folders, duplicate media.
 * Errors make the file unusable ({@link ConfigException}); warnings are returned with the configuration. A
 * problem of one medium only — its credentials file cannot be used (readable by others, missing, malformed) — is
 * not an error of the file: it is a warning recorded against that medium ({@link Loaded#mediumProblems()}), so the
 * duty still backs up the other media and refuses that one, saying why.
 */
public final class ConfigLoader {
    static final List<String> TOP = List.of("practice", "language", "sources", "media", "schedule", "retention",
            "verify", "password-file", "notify", "state-dir");
    static final List<String> SOURCE = List.of("path", "exclude", "before");
    static final List<String> MEDIUM = List.of("name", "repo", "rotation", "offsite", "id", "kept-at", "options",
            "credentials");
    static final List<String> RETENTION = List.of("daily", "weekly", "monthly", "yearly-within");
    static final List<String> VERIFY = List.of("read-all-within", "drill-every", "drill-files");
    static final List<String> NOTIFY = List.of("smtp", "to", "from", "user", "password-file");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    private static final Pattern HEX_ID = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern MAIL = Pattern.compile("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+|[^@\\s<>]+@localhost");
    /** Medical records are kept at least 20 years (French public health code); 48 years is the safe default. */
    static final int LEGAL_MIN_YEARS = 20;

    /**
     * A usable configuration and the warnings found in it.
     *
     * @param mediumProblems by medium name, what makes that medium unusable now (its credentials file), each also
     *                       among the warnings; the duty refuses that medium only and backs up the others
     */
    public record Loaded(PracticeConfig config, List<ConfigProblem> warnings,
            Map<String, ConfigProblem> mediumProblems) {
        public Loaded {
            warnings = List.copyOf(warnings);
            mediumProblems = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mediumProblems));
        }

        public Loaded(PracticeConfig config, List<ConfigProblem> warnings) {
            this(config, warnings, Map.of());
        }
    }

    private final Path file;
    private final Path home;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final Map<String, ConfigProblem> mediumProblems = new LinkedHashMap<>();

    private ConfigLoader(Path file, Path home) {
        this.file = file;
        this.home = home;
    }

    /** The configuration file used when none is named: {@code HYGIE_CONFIG}, else the per-user default. */
    public static Path defaultFile() {
        String env = System.getenv("HYGIE_CONFIG");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return PracticePaths.defaultConfigFile();
    }

    public static Loaded load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConfigException(file, List.of(new ConfigProblem(true, 0, "no-file", file.toString())));
        } catch (IOException e) {
            throw new ConfigException(file, List.of(new ConfigProblem(true, 0, "unreadable", file.toString(),
                    String.valueOf(e.getMessage()))));
        }
        return parse(text, file, Path.of(System.getProperty("user.home")));
    }

    /** Checks {@code text} as the content of {@code file}; relative paths are taken from the file's folder. */
    public static Loaded parse(String text, Path file, Path home) {
        return new ConfigLoader(file == null ? null : file.toAbsolutePath().normalize(), home).run(text);
    }

    private Loaded run(String text) {
        Node root;
        try {
            root = YamlTree.parse(text);
        } catch (YamlTree.SyntaxError e) {
            throw new ConfigException(file, List.of(new ConfigProblem(true, e.line, "syntax", e.getMessage())));
        }
        if (!(root instanceof Mapping top)) {
            throw new ConfigException(file, List.of(new ConfigProblem(true, root.line(), "not-mapping", "")));
        }
        keys(top, TOP, "");
        String practice = text(top, "practice", true, null);
        String language = text(top, "language", false, "fr");
        if (language != null && !language.equals("fr") && !language.equals("en")) {
            error(line(top, "language"), "bad-language", language);
            language = "fr";
        }
        List<Source> sources = sources(top);
        List<Medium> media = media(top);
        LocalTime schedule = schedule(top);
        Retention retention = retention(top);
        Verify verify = verify(top);
        Path passwordFile = path(top, "password-file", PracticePaths.defaultPasswordFile(home));
        if (passwordFile != null && !Files.isReadable(passwordFile)) {
            warn(line(top, "password-file"), "password-file-missing", passwordFile.toString());
        }
        Notify notify = notify(top);
        Path stateDir = path(top, "state-dir", null);
        if (stateDir == null) {
            stateDir = PracticePaths.defaultStateDir(file, home);
        }
        plan(media, top);
        List<ConfigProblem> errors = problems.stream().filter(ConfigProblem::error).toList();
        if (!errors.isEmpty()) {
            throw new ConfigException(file, problems.stream().sorted(java.util.Comparator
                    .comparing((ConfigProblem p) -> !p.error()).thenComparingInt(ConfigProblem::line)).toList());
        }
        PracticeConfig config = new PracticeConfig(practice, language, sources, media, schedule, retention, verify,
                passwordFile, notify, file, stateDir);
        return new Loaded(config, problems.stream().sorted(java.util.Comparator.comparingInt(ConfigProblem::line))
                .toList(), mediumProblems);
    }

    // ---- sections

    private List<Source> sources(Mapping top) {
        List<Source> out = new ArrayList<>();
        Sequence seq = list(top, "sources", true);
        if (seq == null) {
            return out;
        }
        if (seq.items().isEmpty()) {
            error(seq.line(), "empty-list", "sources");
        }
        Set<Path> seen = new HashSet<>();
        for (Node item : seq.items()) {
            if (item instanceof Scalar s && s.text() != null) {
                Path p = resolve(s.text());
                checkSource(p, s.line(), seen);
                out.add(new Source(p, List.of(), null, s.line()));
                continue;
            }
            if (!(item instanceof Mapping m)) {
                error(item.line(), "not-mapping", "sources");
                continue;
            }
            keys(m, SOURCE, "sources.");
            String raw = text(m, "path", true, null);
            if (raw == null) {
                continue;
            }
            Path p = resolve(raw);
            checkSource(p, line(m, "path"), seen);
            List<String> exclude = strings(m, "exclude");
            String before = text(m, "before", false, null);
            out.add(new Source(p, exclude, before == null || before.isBlank() ? null : before, line(m, "path")));
        }
        return out;
    }

    private void checkSource(Path p, int line, Set<Path> seen) {
        if (!seen.add(p)) {
            error(line, "duplicate-source", p.toString());
        } else if (!Files.exists(p)) {
            warn(line, "source-missing", p.toString());
        }
    }

    private List<Medium> media(Mapping top) {
        List<Medium> out = new ArrayList<>();
        Sequence seq = list(top, "media", true);
        if (seq == null) {
            return out;
        }
        if (seq.items().isEmpty()) {
            error(seq.line(), "empty-list", "media");
        }
        Set<String> names = new HashSet<>();
        for (Node item : seq.items()) {
            if (!(item instanceof Mapping m)) {
                error(item.line(), "not-mapping", "media");
                continue;
            }
            keys(m, MEDIUM, "media.");
            String name = text(m, "name", true, null);
            String repo = text(m, "repo", true, null);
            Span rotation = span(m, "rotation", null);
            boolean offsite = bool(m, "offsite", false);
            String id = text(m, "id", false, null);
            String keptAt = text(m, "kept-at", false, null);
            if (name != null && !NAME.matcher(name).matches()) {
                error(line(m, "name"), "bad-medium-name", name);
            } else if (name != null && !names.add(name)) {
                error(line(m, "name"), "duplicate-medium", name);
            }
            if (id != null && !HEX_ID.matcher(id).matches()) {
                error(line(m, "id"), "bad-id", id);
            }
            if (name == null || repo == null) {
                continue;
            }
            Map<String, String> options = options(m);
            Path credentials = path(m, "credentials", null);
            String location = repo;
            Medium probe = new Medium(name, repo, null, false, null, null, 0);
            if (probe.local()) {
                location = resolve(repo.startsWith("local:") ? repo.substring(6) : repo).toString();
                for (String k : List.of("options", "credentials")) {
                    if (m.entries().containsKey(k)) {
                        error(line(m, k), "remote-only", name, k);
                    }
                }
            } else {
                remote(m, name, repo, probe.scheme(), options, credentials);
            }
            out.add(new Medium(name, location, rotation, offsite, id, keptAt, options, credentials, m.line()));
        }
        return out;
    }

    /** A medium's backend options: a mapping of restic's {@code -o} names to their values. */
    private Map<String, String> options(Mapping m) {
        Map<String, String> out = new LinkedHashMap<>();
        Mapping o = mapping(m, "options");
        if (o == null) {
            return out;
        }
        for (YamlTree.Key k : o.duplicates()) {
            error(k.line(), "duplicate-key", "options." + k.name());
        }
        for (YamlTree.Entry e : o.entries().values()) {
            if (e.value() instanceof Scalar s && s.text() != null && !s.text().isBlank()) {
                out.put(e.key().name(), s.text().strip());
            } else {
                error(e.key().line(), "not-text", e.key().name());
            }
        }
        return out;
    }

    /**
     * Checks a store's options as {@code -o} is checked (no secret, names of this storage, values the backend
     * takes) and its credentials file (private, known names); reports the URL's password.
     */
    private void remote(Mapping m, String name, String repo, String scheme, Map<String, String> options,
            Path credentials) {
        try {
            Locations.checkLocation(repo);
        } catch (IllegalArgumentException e) {
            error(line(m, "repo"), "bad-location", e.getMessage());
        }
        if (!Locations.redact(repo).equals(repo)) {
            warn(line(m, "repo"), "repo-password", name, Locations.redact(repo),
                    String.join(", ", BackendSecrets.names(scheme)));
        }
        Mapping o = mapping(m, "options");
        boolean namesOk = true;
        for (Map.Entry<String, String> e : options.entrySet()) {
            String k = e.getKey();
            int line = o == null ? line(m, "options") : line(o, k);
            if (BackendSecrets.isSecretOption(k)) {
                error(line, "option-secret", k);
                namesOk = false;
            } else if (!k.startsWith(scheme + ".")) {
                error(line, "option-other", k, scheme + ":", scheme);
                namesOk = false;
            } else {
                java.util.Optional<Set<String>> known = Locations.optionNames(scheme);
                if (known.isPresent() && !known.get().contains(k)) {
                    List<String> names = new java.util.TreeSet<>(known.get()).stream().toList();
                    String near = Suggest.nearest(k, names);
                    if (near != null) {
                        error(line, "unknown-option-near", k, near);
                    } else {
                        error(line, "unknown-option", k, String.join(", ", names));
                    }
                    namesOk = false;
                }
            }
        }
        if (namesOk && !options.isEmpty()) {
            try {
                Locations.checkOptions(repo, options);
            } catch (IllegalArgumentException e) {
                error(line(m, "options"), "bad-option", e.getMessage());
            }
        }
        if (credentials != null) {
            try {
                CredentialsFile.read(credentials, scheme);
            } catch (CredentialsFile.Refused e) {
                // that medium's problem, not the file's: the other media are still backed up tonight
                ConfigProblem p = new ConfigProblem(false, line(m, "credentials"), e.code(), e.args());
                problems.add(p);
                mediumProblems.put(name, p);
            }
        }
    }

    /** Checks the media plan against the guide: two media at least, one outside the practice. */
    private void plan(List<Medium> media, Mapping top) {
        if (media.isEmpty()) {
            return;
        }
        int line = line(top, "media");
        if (media.size() < 2) {
            warn(line, "few-media", media.size());
        }
        boolean outside = media.stream().anyMatch(Medium::offsite)
                || media.stream().filter(Medium::rotates).count() >= 2;
        if (!outside) {
            warn(line, "no-offsite");
        }
        Set<String> locations = new HashSet<>();
        for (Medium m : media) {
            if (!m.rotates() && !locations.add(m.repo())) {
                error(m.line(), "same-location", m.name(), m.repo());
            }
        }
    }

    private LocalTime schedule(Mapping top) {
        YamlTree.Entry e = top.entries().get("schedule");
        if (e == null) {
            return LocalTime.of(2, 30);
        }
        if (e.value() instanceof Scalar s && s.text() != null) {
            String t = s.text().strip();
            if (s.token() == JsonToken.VALUE_NUMBER_INT) {
                // YAML 1.1 reads an unquoted 02:30 as the sexagesimal number 150
                int n = Integer.parseInt(t);
                if (n >= 0 && n < 24 * 60) {
                    return LocalTime.of(n / 60, n % 60);
                }
            }
            java.util.regex.Matcher m = Pattern.compile("(\\d{1,2})[:hH](\\d{2})").matcher(t);
            if (m.matches()) {
                int h = Integer.parseInt(m.group(1));
                int min = Integer.parseInt(m.group(2));
                if (h < 24 && min < 60) {
                    return LocalTime.of(h, min);
                }
            }
            error(s.line(), "bad-time", t);
            return LocalTime.of(2, 30);
        }
        error(e.value().line(), "not-text", "schedule");
        return LocalTime.of(2, 30);
    }

    private Retention retention(Mapping top) {
        Retention d = Retention.defaults();
        Mapping m = mapping(top, "retention");
        if (m == null) {
            return d;
        }
        keys(m, RETENTION, "retention.");
        Span yearly = span(m, "yearly-within", d.yearlyWithin());
        if (yearly.approxDays() < 365L * LEGAL_MIN_YEARS) {
            warn(line(m, "yearly-within"), "short-legal", yearly.toString(), LEGAL_MIN_YEARS);
        }
        return new Retention(count(m, "daily", d.daily()), count(m, "weekly", d.weekly()),
                count(m, "monthly", d.monthly()), yearly);
    }

    private Verify verify(Mapping top) {
        Verify d = Verify.defaults();
        Mapping m = mapping(top, "verify");
        if (m == null) {
            return d;
        }
        keys(m, VERIFY, "verify.");
        int files = count(m, "drill-files", d.drillFiles());
        if (files < 1) {
            error(line(m, "drill-files"), "too-small", "drill-files", 1);
        }
        return new Verify(span(m, "read-all-within", d.readAllWithin()), span(m, "drill-every", d.drillEvery()),
                Math.max(1, files));
    }

    private Notify notify(Mapping top) {
        Mapping m = mapping(top, "notify");
        if (m == null) {
            return null;
        }
        keys(m, NOTIFY, "notify.");
        String smtp = text(m, "smtp", true, null);
        URI uri = null;
        if (smtp != null) {
            try {
                uri = new URI(smtp.strip());
                if (uri.getScheme() == null || !(uri.getScheme().equals("smtp") || uri.getScheme().equals("smtps"))
                        || uri.getHost() == null) {
                    error(line(m, "smtp"), "bad-smtp", smtp);
                    uri = null;
                }
            } catch (URISyntaxException e) {
                error(line(m, "smtp"), "bad-smtp", smtp);
            }
        }
        List<String> to = strings(m, "to");
        if (!m.entries().containsKey("to")) {
            error(m.line(), "missing", "notify.to");
        } else if (to.isEmpty()) {
            error(line(m, "to"), "empty-list", "notify.to");
        }
        for (String a : to) {
            if (!MAIL.matcher(a).matches()) {
                error(line(m, "to"), "bad-mail", a);
            }
        }
        String from = text(m, "from", false, null);
        if (from != null && !MAIL.matcher(from).matches()) {
            error(line(m, "from"), "bad-mail", from);
        }
        String user = text(m, "user", false, null);
        Path pw = path(m, "password-file", null);
        if (uri == null) {
            return null;
        }
        return new Notify(uri, to, from, user, pw);
    }

    // ---- typed access, each reporting its own problems

    private void keys(Mapping m, List<String> known, String prefix) {
        for (YamlTree.Key k : m.duplicates()) {
            error(k.line(), "duplicate-key", prefix + k.name());
        }
        for (YamlTree.Entry e : m.entries().values()) {
            String k = e.key().name();
            if (!known.contains(k)) {
                String near = Suggest.nearest(k, known);
                if (near != null) {
                    error(e.key().line(), "unknown-key-near", prefix + k, near);
                } else {
                    error(e.key().line(), "unknown-key", prefix + k, String.join(", ", known));
                }
            }
        }
    }

    private static int line(Mapping m, String key) {
        YamlTree.Entry e = m.entries().get(key);
        return e == null ? m.line() : e.key().line();
    }

    private String text(Mapping m, String key, boolean required, String dflt) {
        YamlTree.Entry e = m.entries().get(key);
        if (e == null) {
            if (required) {
                error(m.line(), "missing", key);
            }
            return dflt;
        }
        if (e.value() instanceof Scalar s && s.text() != null && !s.text().isBlank()) {
            return s.text().strip();
        }
        if (e.value() instanceof Scalar s && (s.text() == null || s.text().isBlank())) {
            if (required) {
                error(e.key().line(), "empty", key);
            }
            return dflt;
        }
        error(e.key().line(), "not-text", key);
        return dflt;
    }

    private Sequence list(Mapping m, String key, boolean required) {
        YamlTree.Entry e = m.entries().get(key);
        if (e == null) {
            if (required) {
                error(m.line(), "missing", key);
            }
            return null;
        }
        if (e.value() instanceof Sequence s) {
            return s;
        }
        error(e.key().line(), "not-list", key);
        return null;
    }

    private Mapping mapping(Mapping m, String key) {
        YamlTree.Entry e = m.entries().get(key);
        if (e == null) {
            return null;
        }
        if (e.value() instanceof Mapping x) {
            return x;
        }
        if (e.value() instanceof Scalar s && s.text() == null) {
            return null;
        }
        error(e.key().line(), "not-mapping", key);
        return null;
    }

    private List<String> strings(Mapping m, String key) {
        YamlTree.Entry e = m.entries().get(key);
        if (e == null) {
            return List.of();
        }
        if (e.value() instanceof Scalar s) {
            return s.text() == null || s.text().isBlank() ? List.of() : List.of(s.text().strip());
        }
        List<String> out = new ArrayList<>();
        if (e.value() instanceof Sequence seq) {
            for (Node n : seq.items()) {
                if (n instanceof Scalar s && s.text() != null) {
                    out.add(s.text());
                } else {
                    error(n.line(), "not-text", key);
                }
            }
            return out;
        }
        error(e.key().line(), "not-list", key);
        return out;
    }

    private Span span(Mapping m, String key, Span dflt) {
        YamlTree.Entry e = m.entries().get(key);
        if (e == null) {
            return dflt;
        }
        if (e.value() instanceof Scalar s && s.text() != null) {
            try {
                return Span.parse(s.text());
            } catch (IllegalArgumentException ex) {
                error(e.key().line(), "bad-duration", key, s.text());
                return dflt;
            }
        }
        error(e.key().line(), "bad-duration", key, "");
        return dflt;
    }

    private int count(Mapping m, String key, int dflt) {
        YamlTree.Entry e = m.entries().get(key);
        if (e == null) {
            return dflt;
        }
        if (e.value() instanceof Scalar s && s.text() != null) {
            try {
                int n = Integer.parseInt(s.text().strip());
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException ex) {
                // reported below
            }
        }
        error(e.key().line(), "not-count", key);
        return dflt;
    }

    private boolean bool(Mapping m, String key, boolean dflt) {
        YamlTree.Entry e = m.entries().get(key);
        if (e == null) {
            return dflt;
        }
        if (e.value() instanceof Scalar s && s.text() != null) {
            String t = s.text().strip().toLowerCase(Locale.ROOT);
            Map<String, Boolean> words = Map.of("true", true, "yes", true, "oui", true, "false", false, "no", false,
                    "non", false);
            if (words.containsKey(t)) {
                return words.get(t);
            }
        }
        error(e.key().line(), "not-bool", key);
        return dflt;
    }

    private Path path(Mapping m, String key, Path dflt) {
        String t = text(m, key, false, null);
        return t == null ? dflt : resolve(t);
    }

    /** {@code ~/x} from the home folder; a relative path from the configuration's folder. */
    private Path resolve(String raw) {
        String s = raw.strip();
        Path p;
        if (s.equals("~")) {
            p = home;
        } else if (s.startsWith("~/") || s.startsWith("~\\")) {
            p = home.resolve(s.substring(2));
        } else {
            p = Path.of(s);
        }
        if (!p.isAbsolute()) {
            Path base = file != null && file.getParent() != null ? file.getParent() : Path.of("").toAbsolutePath();
            p = base.resolve(p);
        }
        return p.normalize();
    }

    private void error(int line, String code, Object... args) {
        problems.add(new ConfigProblem(true, line, code, args));
    }

    private void warn(int line, String code, Object... args) {
        problems.add(new ConfigProblem(false, line, code, args));
    }
}
