package org.hygie.backup.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Random;

/** Builds source trees holding every kind of entry a backup must keep, for round-trip tests. */
public final class SourceTrees {
    /** Names that trip up quoting and escaping. */
    public static final String[] AWKWARD_NAMES = {"with space", "quote\"d", "single'quote", "back\\slash",
        "new\nline", "tab\there", "<html>&amp;", "ctrl\u0001byte", "accentué ÉÀ", "日本語", "emoji 😀", "-starts-with-dash",
        ".hidden", "ends with space "};

    private SourceTrees() {
    }

    /** Makes a tree of every kind under {@code root}; sizes kept small enough for CI. */
    public static Path everyKind(Path root) throws IOException, InterruptedException {
        Random rnd = new Random(42);
        Files.createDirectories(root.resolve("docs/empty-dir"));
        Files.createDirectories(root.resolve("docs/nested/deeper"));
        Files.write(root.resolve("empty-file"), new byte[0]);
        Files.writeString(root.resolve("docs/lettre.txt"), "Madame, Monsieur,\n".repeat(500));
        Files.write(root.resolve("docs/nested/deeper/scan.bin"), random(rnd, 3 * 1024 * 1024 + 17));
        Files.write(root.resolve("big.bin"), random(rnd, 11 * 1024 * 1024));
        for (String name : AWKWARD_NAMES) {
            Files.writeString(root.resolve("docs").resolve(name), name);
        }
        Files.createSymbolicLink(root.resolve("link-relative"), Path.of("docs/lettre.txt"));
        Files.createSymbolicLink(root.resolve("link-dangling"), Path.of("no/such/file"));
        Files.createSymbolicLink(root.resolve("link-absolute"), Path.of("/etc/hostname"));
        Files.createSymbolicLink(root.resolve("link-to-dir"), Path.of("docs"));
        Files.createLink(root.resolve("hardlink-b"), root.resolve("docs/lettre.txt"));
        sh("mkfifo", root.resolve("a-fifo").toString());
        Path setuid = root.resolve("setuid-prog");
        Files.write(setuid, new byte[] {1, 2, 3});
        Files.setAttribute(setuid, "unix:mode", 04755);
        Path setgidDir = Files.createDirectories(root.resolve("setgid-dir"));
        Files.setAttribute(setgidDir, "unix:mode", 02775);
        Path sticky = Files.createDirectories(root.resolve("sticky-dir"));
        Files.setAttribute(sticky, "unix:mode", 01777);
        Path readOnly = root.resolve("read-only.txt");
        Files.writeString(readOnly, "lecture seule");
        Files.setAttribute(readOnly, "unix:mode", 0444);
        try (RandomAccessFile sparse = new RandomAccessFile(root.resolve("sparse.img").toFile(), "rw")) {
            sparse.setLength(64L * 1024 * 1024);
            sparse.seek(40L * 1024 * 1024);
            sparse.write("au milieu".getBytes(StandardCharsets.UTF_8));
        }
        Files.setLastModifiedTime(root.resolve("docs/lettre.txt"),
                FileTime.from(Instant.parse("2019-03-04T05:06:07.123456789Z")));
        Files.getFileAttributeView(root.resolve("link-relative"),
                java.nio.file.attribute.BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(FileTime.from(Instant.parse("2020-01-02T03:04:05.5Z")), null, null);
        return root;
    }

    public static byte[] random(Random rnd, int size) {
        byte[] b = new byte[size];
        rnd.nextBytes(b);
        return b;
    }

    public static void sh(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + ": " + out);
        }
    }
}
