package org.hygie.audit.collect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The files of this machine, read as the current user. Large files are cut at 4 MiB. */
public final class LiveHostFiles implements HostFiles {
    private static final long MAX_BYTES = 4L * 1024 * 1024;
    private final Path root;

    public LiveHostFiles() {
        this(Path.of("/"));
    }

    /** Files under {@code root} stand for the machine's: {@code /etc/os-release} is {@code root/etc/os-release}. */
    public LiveHostFiles(Path root) {
        this.root = root;
    }

    private Path resolve(String path) {
        return root.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    @Override
    public FileRead read(String path) {
        Path p = resolve(path);
        try {
            if (Files.isDirectory(p)) {
                return FileRead.of(FileRead.Status.ERROR);
            }
            if (Files.size(p) > MAX_BYTES) {
                try (var in = Files.newInputStream(p)) {
                    return FileRead.ok(new String(in.readNBytes((int) MAX_BYTES), StandardCharsets.UTF_8));
                }
            }
            return FileRead.ok(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return FileRead.of(FileRead.Status.MISSING);
        } catch (AccessDeniedException e) {
            return FileRead.of(FileRead.Status.DENIED);
        } catch (IOException e) {
            return FileRead.of(FileRead.Status.ERROR);
        }
    }

    @Override
    public boolean exists(String path) {
        return Files.exists(resolve(path));
    }

    @Override
    public List<String> list(String dir) {
        try (Stream<Path> s = Files.list(resolve(dir))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public Optional<Instant> modified(String path) {
        try {
            return Optional.of(Files.getLastModifiedTime(resolve(path)).toInstant());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
