package org.hygie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A practice as the helper sets it up, under {@code tmp}: documents in {@code cabinet/}, the password in
 * {@code password} (0600), disks A and B initialised under {@code media/}, disk B then taken home
 * ({@code B-at-home}), and {@code hygie.yaml} naming them.
 */
final class TwoDiskPractice {
    private TwoDiskPractice() {
    }

    /** Makes it; returns the configuration file. */
    static Path make(Path tmp) throws Exception {
        Path docs = Files.createDirectories(tmp.resolve("cabinet"));
        Files.writeString(docs.resolve("compte-rendu.txt"), "Patient X, consultation du 3 mars.\n");
        Files.write(docs.resolve("radio.bin"), new byte[200_000]);
        Path pw = password(tmp);
        for (String d : new String[] {"A", "B"}) {
            Files.createDirectories(tmp.resolve("media/" + d));
            CliRunner.Run init = CliRunner.inProcess("init", "--repo", tmp.resolve("media/" + d + "/hygie").toString(),
                    "--password-file", pw.toString());
            assertEquals(0, init.exit(), init.err());
        }
        Files.move(tmp.resolve("media/B"), tmp.resolve("B-at-home"));
        return config(tmp, pw, ", kept-at: \"domicile du Dr\"", "", tmp.resolve("media/A/hygie"),
                tmp.resolve("media/B/hygie"));
    }

    /** The practice's password file, {@code dir/password}, readable by its owner only. */
    static Path password(Path dir) throws Exception {
        Path pw = dir.resolve("password");
        Files.writeString(pw, "le mot de passe\n");
        Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-------"));
        return pw;
    }

    /**
     * {@code dir/hygie.yaml}: the documents in {@code dir/cabinet} (made if missing), one disk per repository
     * (disque-A, disque-B..., each with {@code mediumOptions} after its rotation), the password file, then {@code more}.
     */
    static Path config(Path dir, Path pw, String mediumOptions, String more, Path... repos) throws Exception {
        Path docs = Files.createDirectories(dir.resolve("cabinet"));
        StringBuilder media = new StringBuilder();
        for (int i = 0; i < repos.length; i++) {
            media.append("  - {name: disque-").append((char) ('A' + i)).append(", repo: ").append(repos[i])
                    .append(", rotation: 7d").append(mediumOptions).append("}\n");
        }
        Path config = dir.resolve("hygie.yaml");
        Files.writeString(config, "practice: Cabinet du Dr Exemple\nsources:\n  - path: " + docs + "\nmedia:\n" + media
                + "password-file: " + pw + "\n" + more);
        return config;
    }
}
