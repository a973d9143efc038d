package org.hygie.audit.collect;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The files of a recorded machine: {@code root/} holds them at their absolute paths. Two extras describe what
 * a copy cannot: {@code mtimes.properties} gives modification times ({@code /var/lib/clamav/daily.cld=2026-11-27T10:00:00Z}),
 * and a file named {@code NAME.denied} next to {@code NAME} makes reading {@code NAME} refused, as
 * {@code /etc/shadow} is for a standard user.
 */
public final class RecordedHostFiles implements HostFiles {
    private final LiveHostFiles files;
    private final Path root;
    private final Map<String, Instant> mtimes = new HashMap<>();

    public RecordedHostFiles(Path recording) {
        this.root = recording.resolve("root");
        this.files = new LiveHostFiles(root);
        Path times = recording.resolve("mtimes.properties");
        if (Files.exists(times)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(times, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            p.forEach((k, v) -> mtimes.put((String) k, Instant.parse((String) v)));
        }
    }

    private boolean denied(String path) {
        return Files.exists(root.resolve(path.substring(1) + ".denied"));
    }

    @Override
    public FileRead read(String path) {
        return denied(path) ? FileRead.of(FileRead.Status.DENIED) : files.read(path);
    }

    @Override
    public boolean exists(String path) {
        return denied(path) || files.exists(path) || mtimes.containsKey(path);
    }

    @Override
    public List<String> list(String dir) {
        return files.list(dir).stream().map(n -> n.endsWith(".denied") ? n.substring(0, n.length() - 7) : n)
                .distinct().sorted().toList();
    }

    @Override
    public Optional<Instant> modified(String path) {
        Instant recorded = mtimes.get(path);
        return recorded != null ? Optional.of(recorded) : files.modified(path);
    }
}
