package org.hygie.audit;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.hygie.audit.backup.BackupStatusSource;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.collect.OsFamily;
import org.hygie.audit.collect.RecordedHostFiles;
import org.hygie.audit.collect.ReplayCommandRunner;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.Facts;
import org.hygie.audit.result.AuditReport;

/**
 * Recorded machines under {@code src/test/resources/recordings/OS/NAME}: {@code commands.json} (command outputs),
 * {@code root/} (files), {@code mtimes.properties}, and {@code recording.properties} with the clock of the recording
 * and the session environment ({@code env.NAME=value}). See the README there.
 */
public final class TestRecordings {
    public static final List<String> ALL = List.of("linux/debian-12-headless", "linux/ubuntu-24.04-gnome",
            "linux/fedora-41-gnome", "linux/ubuntu-22.04-refusals", "windows/11-23h2-pro-fr",
            "windows/11-24h2-home-fr-thirdparty", "windows/10-22h2-pro-en", "macos/13-ventura", "macos/14-sonoma",
            "macos/15-sequoia-fr");

    private TestRecordings() {
    }

    /** For parameterised tests. */
    public static List<String> allRecordings() {
        return ALL;
    }

    public static Path dir(String name) {
        try {
            return Path.of(TestRecordings.class.getResource("/recordings/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no recording " + name, e);
        }
    }

    public static OsFamily os(String name) {
        return OsFamily.valueOf(name.substring(0, name.indexOf('/')).toUpperCase(java.util.Locale.ROOT));
    }

    public static CollectionContext context(String name) {
        Path d = dir(name);
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(d.resolve("recording.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new HashMap<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("env."))
                .forEach(k -> env.put(k.substring(4), p.getProperty(k)));
        Clock clock = Clock.fixed(Instant.parse(p.getProperty("clock")), ZoneOffset.UTC);
        return new CollectionContext(new ReplayCommandRunner(d), new RecordedHostFiles(d), env, clock);
    }

    /** The facts one collector gives on a recording. */
    public static Facts collect(Collector collector, String name) {
        return new Facts(collector.collect(context(name)));
    }

    public static Fact fact(Facts facts, String id) {
        return facts.get(id).orElseThrow(() -> new AssertionError("no fact " + id + " in " + facts.all()));
    }

    /** A full audit of a recording, attestations read from {@code stateDir}. */
    public static AuditReport audit(String name, String lang, Path stateDir, BackupStatusSource backup) {
        AuditOptions o = new AuditOptions(lang, os(name), context(name), stateDir, backup, Map.of());
        return new Audit().run(o);
    }
}
