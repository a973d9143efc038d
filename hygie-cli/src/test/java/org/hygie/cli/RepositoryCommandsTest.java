package org.hygie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.LocalBackend;
import org.hygie.repository.json.Json;
import org.hygie.repository.lock.Locks;
import org.hygie.repository.lock.RepositoryLock;
import org.hygie.repository.testing.Restic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository commands end to end, as a user runs them, with the real restic on the other side. */
class RepositoryCommandsTest {
    @TempDir
    Path tmp;
    Path repo;
    Path pw;
    Path src;

    @BeforeEach
    void setUp() throws Exception {
        repo = tmp.resolve("repo");
        pw = tmp.resolve("password");
        Files.writeString(pw, "le mot de passe\n");
        Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-------"));
        src = Files.createDirectories(tmp.resolve("cabinet"));
        Files.writeString(src.resolve("compte-rendu.txt"), "Patient X, consultation du 3 mars.\n");
        Files.createDirectories(src.resolve("scans"));
        Files.write(src.resolve("scans/radio.bin"), new byte[300_000]);
    }

    private CliRunner.Run hygie(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--repo", repo.toString(), "--password-file", pw.toString()}, 0, all,
                args.length, 4);
        return CliRunner.inProcess(all);
    }

    @Test
    void initThenResticBacksUpThenHygieListsRestoresAndChecks() throws Exception {
        CliRunner.Run init = hygie("init");
        assertEquals(0, init.exit(), init.err());
        assertTrue(init.out().contains("Dépôt"), init.out());
        Restic restic = new Restic(repo, "le mot de passe");
        restic.ok("backup", "--tag", "nuit", src.toString());
        restic.ok("check", "--read-data");

        CliRunner.Run snaps = hygie("snapshots", "--json");
        assertEquals(0, snaps.exit(), snaps.err());
        JsonNode arr = Json.MAPPER.readTree(snaps.out());
        assertEquals(1, arr.size());
        assertEquals("nuit", arr.get(0).get("tags").get(0).asText());
        String id = arr.get(0).get("id").asText();

        CliRunner.Run ls = hygie("ls", id.substring(0, 8));
        assertEquals(0, ls.exit(), ls.err());
        assertTrue(ls.out().contains(src.resolve("scans/radio.bin").toString()), ls.out());

        Path target = tmp.resolve("restored");
        CliRunner.Run restore = hygie("restore", "latest", "--target", target.toString(), "--json");
        assertEquals(0, restore.exit(), restore.err());
        JsonNode summary = Json.MAPPER.readTree(restore.out());
        assertEquals(2, summary.get("files_restored").asInt());
        assertEquals(Files.readString(src.resolve("compte-rendu.txt")),
                Files.readString(target.resolve(src.toString().substring(1)).resolve("compte-rendu.txt")));

        CliRunner.Run again = hygie("restore", "latest", "--target", target.toString());
        assertEquals(ExitCode.PARTIAL, again.exit(), "existing files are not overwritten: " + again.err());
        assertTrue(again.err().contains("compte-rendu.txt : existe déjà, laissé tel quel"), again.err());
        CliRunner.Run againJson = hygie("restore", "latest", "--target", target.toString(), "--json");
        assertEquals(ExitCode.PARTIAL, againJson.exit(), againJson.err());
        JsonNode errors = Json.MAPPER.readTree(againJson.out()).get("errors");
        assertEquals(2, errors.size(), againJson.out());
        assertEquals("exists", errors.get(0).get("reason").asText());

        CliRunner.Run check = hygie("check", "--read-data", "--json");
        assertEquals(0, check.exit(), check.out() + check.err());
        assertTrue(Json.MAPPER.readTree(check.out()).get("healthy").asBoolean());
    }

    @Test
    void badInputGetsAClearMessageAndItsExitCode() throws Exception {
        assertEquals(0, hygie("init").exit());
        Files.writeString(pw, "pas le bon");
        CliRunner.Run wrong = hygie("snapshots");
        assertEquals(ExitCode.WRONG_PASSWORD, wrong.exit());
        assertTrue(wrong.err().contains("mot de passe incorrect"), wrong.err());
        assertFalse(wrong.err().contains("Exception"), wrong.err());

        CliRunner.Run none = CliRunner.inProcess("snapshots", "--repo", tmp.resolve("absent").toString(),
                "--password-file", pw.toString(), "--lang", "en");
        assertEquals(ExitCode.NO_REPOSITORY, none.exit());
        assertTrue(none.err().contains("there is no repository"), none.err());

        CliRunner.Run usage = CliRunner.inProcess("restore", "latest");
        assertEquals(ExitCode.USAGE, usage.exit());

        CliRunner.Run noFile = CliRunner.inProcess("snapshots", "--repo", repo.toString(), "--password-file",
                tmp.resolve("nope").toString());
        assertEquals(ExitCode.FAILED, noFile.exit());
        assertTrue(noFile.err().contains("impossible de lire le fichier du mot de passe"), noFile.err());
    }

    @Test
    void aLockedRepositoryIsReportedWithExitCode11() throws Exception {
        assertEquals(0, hygie("init").exit());
        try (Repository r = Repository.open(new LocalBackend(repo), "le mot de passe".getBytes(StandardCharsets.UTF_8));
                RepositoryLock lock = Locks.acquire(r, true)) {
            CliRunner.Run locked = hygie("snapshots");
            assertEquals(ExitCode.LOCKED, locked.exit(), locked.err());
            assertTrue(locked.err().contains("utilisé par une autre"), locked.err());
        }
        assertEquals(0, hygie("snapshots").exit());
    }

    @Test
    void environmentVariablesGiveRepositoryAndPassword() throws Exception {
        assertEquals(0, hygie("init").exit());
        CliRunner.Run viaEnv = CliRunner.process(Map.of("HYGIE_REPOSITORY", repo.toString(), "HYGIE_PASSWORD",
                "le mot de passe", "HYGIE_LANG", "en"), "snapshots");
        assertEquals(0, viaEnv.exit(), viaEnv.err());
        assertTrue(viaEnv.out().contains("no snapshot"), viaEnv.out());
        CliRunner.Run viaFile = CliRunner.process(Map.of("HYGIE_REPOSITORY", repo.toString(), "HYGIE_PASSWORD_FILE",
                pw.toString()), "snapshots");
        assertEquals(0, viaFile.exit(), viaFile.err());
        CliRunner.Run noPassword = CliRunner.process(Map.of("HYGIE_REPOSITORY", repo.toString()), "snapshots");
        assertEquals(ExitCode.FAILED, noPassword.exit());
        assertTrue(noPassword.err().contains("aucun mot de passe"), noPassword.err());
    }

    @Test
    void keysAddAndChangePasswords() throws Exception {
        assertEquals(0, hygie("init").exit());
        Path second = tmp.resolve("second");
        Files.writeString(second, "deuxième");
        assertEquals(0, hygie("key", "add", "--new-password-file", second.toString()).exit());
        CliRunner.Run list = hygie("key", "list", "--json");
        assertEquals(2, Json.MAPPER.readTree(list.out()).size());
        Path third = tmp.resolve("third");
        Files.writeString(third, "troisième");
        assertEquals(0, hygie("key", "passwd", "--new-password-file", third.toString()).exit());
        // the old password no longer opens it; the second and third do
        assertEquals(ExitCode.WRONG_PASSWORD, hygie("snapshots").exit());
        Files.writeString(pw, "troisième");
        assertEquals(0, hygie("snapshots").exit());
        new Restic(repo, "deuxième").ok("snapshots");
    }

    @Test
    void everyCommandHasHelp() {
        for (String c : new String[] {"init", "snapshots", "ls", "restore", "check", "key", "unlock"}) {
            CliRunner.Run help = CliRunner.inProcess(c, "--help");
            assertEquals(0, help.exit(), c);
            assertTrue(help.out().contains("Usage"), c + ": " + help.out());
        }
    }
}
