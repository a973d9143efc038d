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
        Path pw = tmp.resolve("password");
        Files.writeString(pw, "le mot de passe\n");
        Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-------"));
        for (String d : new String[] {"A", "B"}) {
            Files.createDirectories(tmp.resolve("media/" + d));
            CliRunner.Run init = CliRunner.inProcess("init", "--repo", tmp.resolve("media/" + d + "/hygie").toString(),
                    "--password-file", pw.toString());
            assertEquals(0, init.exit(), init.err());
        }
        Files.move(tmp.resolve("media/B"), tmp.resolve("B-at-home"));
        Path config = tmp.resolve("hygie.yaml");
        Files.writeString(config, """
                practice: Cabinet du Dr Exemple
                sources:
                  - path: %s
                media:
                  - {name: disque-A, repo: %s, rotation: 7d, kept-at: "domicile du Dr"}
                  - {name: disque-B, repo: %s, rotation: 7d, kept-at: "domicile du Dr"}
                password-file: %s
                """.formatted(docs, tmp.resolve("media/A/hygie"), tmp.resolve("media/B/hygie"), pw));
        return config;
    }
}
