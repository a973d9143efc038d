package org.hygie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hygie.repository.json.Json;
import org.hygie.repository.testing.Restic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files the backup cannot read: as root everything is readable, so hygie runs as the unprivileged user
 * {@code nobody} (setpriv), on a tree holding a file and a folder only root may read. The backup goes on,
 * warns for each, exits 3, and its snapshot holds the rest; restic accepts the repository.
 */
class UnreadableFilesTest {
    @TempDir
    Path tmp;

    @Test
    void unreadableEntriesAreWarnedAboutAndTheRestIsSaved() throws Exception {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path cp = copyClasspath(tmp.resolve("cp"));
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("ok.txt"), "lisible");
        Path secret = src.resolve("secret.txt");
        Files.writeString(secret, "illisible");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        Path priv = Files.createDirectories(src.resolve("private"));
        Files.writeString(priv.resolve("inside.txt"), "caché");
        Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rwx------"));
        Path work = Files.createDirectories(tmp.resolve("work"));
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path repo = work.resolve("repo");

        assertEquals(0, asNobody(cp, work, "init", "--repo", repo.toString()).exit);
        Run backup = asNobody(cp, work, "backup", "--repo", repo.toString(), "--json", src.toString());
        assertEquals(ExitCode.PARTIAL, backup.exit, backup.err);
        JsonNode summary = Json.MAPPER.readTree(backup.out.strip().lines().reduce((a, b) -> b).orElseThrow());
        List<String> warned = new ArrayList<>();
        summary.get("warnings").forEach(w -> warned.add(w.get("path").asText()));
        assertTrue(warned.contains(secret.toString()), warned.toString());
        assertTrue(warned.contains(priv.toString()), warned.toString());
        assertTrue(backup.err.contains("non sauvegardé"), backup.err);

        Restic restic = new Restic(repo, "nobody's password");
        restic.ok("check", "--read-data");
        String ls = restic.ok("ls", "latest").out();
        assertTrue(ls.contains(src.resolve("ok.txt").toString()), ls);
        assertFalse(ls.contains("secret.txt"), ls);
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run asNobody(Path cp, Path home, String... args) throws Exception {
        StringBuilder classpath = new StringBuilder(cp + "/*");
        try (Stream<Path> entries = Files.list(cp)) {
            entries.filter(Files::isDirectory).sorted().forEach(d -> classpath.append(File.pathSeparator).append(d));
        }
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                System.getProperty("java.home") + "/bin/java", "-Duser.home=" + home, "-cp", classpath.toString(),
                "org.hygie.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("HYGIE_"));
        pb.environment().put("HYGIE_PASSWORD", "nobody's password");
        pb.environment().put("HOME", home.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        java.io.ByteArrayOutputStream errBytes = new java.io.ByteArrayOutputStream();
        Thread errReader = new Thread(() -> {
            try {
                p.getErrorStream().transferTo(errBytes);
            } catch (java.io.IOException e) {
                errBytes.writeBytes(e.toString().getBytes(StandardCharsets.UTF_8));
            }
        });
        errReader.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        errReader.join();
        String err = errBytes.toString(StandardCharsets.UTF_8);
        assertTrue(p.waitFor(3, TimeUnit.MINUTES));
        return new Run(p.exitValue(), out, err);
    }

    /** The test classpath, copied where an unprivileged user can read it (Maven's cache is under /root). */
    private static Path copyClasspath(Path dir) throws Exception {
        Files.createDirectories(dir);
        int classes = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p)) {
                Path target = dir.resolve(String.format("classes-%03d", classes++));
                try (Stream<Path> walk = Files.walk(p)) {
                    for (Path f : (Iterable<Path>) walk::iterator) {
                        Path t = target.resolve(p.relativize(f).toString());
                        if (Files.isDirectory(f)) {
                            Files.createDirectories(t);
                        } else {
                            Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            } else if (Files.isRegularFile(p)) {
                // keep the classpath's order: class folders first (as above), jars by name
                Files.copy(p, dir.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.forEach(f -> {
                f.toFile().setReadable(true, false);
                f.toFile().setExecutable(Files.isDirectory(f), false);
            });
        }
        return dir;
    }
}
