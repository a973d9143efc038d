package org.hygie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hygie.backend.rest.testing.RcloneServer;
import org.hygie.backend.sftp.testing.SftpTestServer;
import org.hygie.repository.json.Json;
import org.hygie.repository.testing.RemoteRestic;
import org.hygie.repository.testing.Restic;
import org.hygie.repository.testing.SampleTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * init, backup, check --read-data and restore with the command line, as a user runs it (a separate JVM with its
 * environment), through SFTP and REST; restic checks each repository with the same verdict as a local folder.
 */
class RemoteRepositoryCommandsTest {
    private static final String PASSWORD = "le mot de passe du dépôt";

    @TempDir
    Path tmp;
    Path pw;
    Path src;

    @BeforeEach
    void setUp() throws Exception {
        pw = tmp.resolve("password");
        Files.writeString(pw, PASSWORD + "\n");
        Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-------"));
        src = SampleTree.write(tmp.resolve("cabinet"), 6, 21);
    }

    /** Runs hygie on {@code repo}; {@code env} null means in this JVM. */
    private CliRunner.Run hygie(Map<String, String> env, String repo, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--repo", repo, "--password-file", pw.toString()));
        // SFTP settings come from the environment: a separate JVM; REST needs none, in-process is quicker
        return env == null ? CliRunner.inProcess(all.toArray(String[]::new))
                : CliRunner.process(env, all.toArray(String[]::new));
    }

    /** The whole cycle on one location; returns the snapshot id. */
    private String cycle(Map<String, String> env, String repo) throws Exception {
        CliRunner.Run init = hygie(env, repo, "init");
        assertEquals(0, init.exit(), init.err());
        CliRunner.Run backup = hygie(env, repo, "backup", src.toString());
        assertEquals(0, backup.exit(), backup.out() + backup.err());
        CliRunner.Run snaps = hygie(env, repo, "snapshots", "--json");
        assertEquals(0, snaps.exit(), snaps.err());
        JsonNode arr = Json.MAPPER.readTree(snaps.out());
        assertEquals(1, arr.size());
        CliRunner.Run check = hygie(env, repo, "check", "--read-data", "--json");
        assertEquals(0, check.exit(), check.out() + check.err());
        assertTrue(Json.MAPPER.readTree(check.out()).get("healthy").asBoolean(), check.out());
        Path target = tmp.resolve("restored");
        CliRunner.Run restore = hygie(env, repo, "restore", "latest", "--target", target.toString());
        assertEquals(0, restore.exit(), restore.out() + restore.err());
        SampleTree.assertSame(src, target.resolve(src.toString().substring(1)));
        return arr.get(0).get("id").asText();
    }

    private static void sameVerdict(Restic.Result remote, Restic.Result local) {
        assertTrue(remote.out().contains("no errors were found"), remote.out());
        assertTrue(local.out().contains("no errors were found"), local.out());
        assertEquals(lines(local), lines(remote));
    }

    /** restic's check output without the lines that name the location or time the run. */
    private static List<String> lines(Restic.Result r) {
        return r.out().lines().filter(l -> !l.startsWith("using temporary cache") && !l.startsWith("create exclusive")
                && !l.startsWith("load indexes") && !l.contains("%") && !l.startsWith("repository ")).toList();
    }

    @Test
    void throughSftp() throws Exception {
        try (SftpTestServer server = SftpTestServer.start(tmp.resolve("nas"))) {
            String repo = server.location("/hygie");
            String id = cycle(server.env(), repo);

            RemoteRestic restic = new RemoteRestic("sftp:" + SftpTestServer.USER + "@127.0.0.1:/hygie", PASSWORD,
                    List.of("-o", "sftp.command=" + server.resticSshCommand(server.port())), Map.of());
            sameVerdict(restic.ok("check", "--read-data"),
                    new Restic(server.root().resolve("hygie"), PASSWORD).ok("check", "--read-data"));
            assertTrue(restic.ok("snapshots").out().contains(id.substring(0, 8)));

            // a server whose key is not on record is refused, with its fingerprint, and nothing is written
            Map<String, String> stranger = new HashMap<>(server.env());
            stranger.put("HYGIE_SFTP_KNOWN_HOSTS", tmp.resolve("empty-known-hosts").toString());
            CliRunner.Run refused = hygie(stranger, server.location("/other"), "init");
            assertEquals(ExitCode.ACCESS_REFUSED, refused.exit(), refused.err());
            assertTrue(refused.err().contains("est inconnu"), refused.err());
            assertTrue(refused.err().contains("SHA256:"), refused.err());
            assertFalse(Files.exists(server.root().resolve("other")));
        }
    }

    @Test
    void throughRest() throws Exception {
        try (RcloneServer server = RcloneServer.start(tmp.resolve("rest"), false)) {
            String id = cycle(null, server.location("hygie"));
            RemoteRestic restic = new RemoteRestic(server.location("hygie"), PASSWORD, List.of(), Map.of());
            sameVerdict(restic.ok("check", "--read-data"),
                    new Restic(server.root().resolve("hygie"), PASSWORD).ok("check", "--read-data"));
            assertTrue(restic.ok("snapshots").out().contains(id.substring(0, 8)));
        }
    }

    @Test
    void aRemoteRepositorysIndexSnapshotsAndTreesAreCopiedLocallyButACheckReadsTheStore() throws Exception {
        try (RcloneServer server = RcloneServer.start(tmp.resolve("rest"), false)) {
            Path cache = tmp.resolve("cache");
            Map<String, String> env = Map.of("HYGIE_CACHE_DIR", cache.toString());
            String repo = server.location("hygie");
            assertEquals(0, hygie(env, repo, "init").exit());
            Path mine;
            try (var repos = Files.list(cache)) {
                mine = repos.filter(Files::isDirectory).findFirst().orElseThrow();
            }
            // made from here: its local folder says data/ need not be listed for packs left without an index
            assertTrue(Files.exists(mine.resolve("orphans-checked")), mine.toString());
            CliRunner.Run backup = hygie(env, repo, "backup", src.toString());
            assertEquals(0, backup.exit(), backup.out() + backup.err());
            Path store = server.root().resolve("hygie");
            for (String folder : List.of("index", "snapshots")) {
                try (var inStore = Files.list(store.resolve(folder))) {
                    for (Path f : inStore.toList()) {
                        Path copy = mine.resolve(folder).resolve(f.getFileName().toString());
                        assertTrue(Files.exists(copy), copy.toString());
                        assertEquals(-1, Files.mismatch(f, copy), copy.toString());
                    }
                }
            }
            // the pack of trees is copied as it is saved, the packs of file data are not
            List<Path> packCopies;
            try (var c = Files.list(mine.resolve("data"))) {
                packCopies = c.toList();
            }
            List<Path> storePacks;
            try (var p = Files.walk(store.resolve("data"))) {
                storePacks = p.filter(Files::isRegularFile).toList();
            }
            assertEquals(1, packCopies.size(), packCopies.toString());
            assertTrue(storePacks.size() > 1, storePacks.toString());
            String treePack = packCopies.get(0).getFileName().toString();
            Path storeTreePack = store.resolve("data").resolve(treePack.substring(0, 2)).resolve(treePack);
            assertEquals(-1, Files.mismatch(storeTreePack, packCopies.get(0)));
            // that pack damaged on the server: ls reads the sound copy; a check, and ls --no-cache, read the server
            byte[] pack = Files.readAllBytes(storeTreePack);
            pack[pack.length / 3] ^= 0x40;
            storeTreePack.toFile().setWritable(true);
            Files.write(storeTreePack, pack);
            CliRunner.Run ls = hygie(env, repo, "ls", "latest");
            assertEquals(0, ls.exit(), ls.out() + ls.err());
            assertTrue(ls.out().contains("lettre"), ls.out());
            CliRunner.Run checked = hygie(env, repo, "check", "--json");
            assertTrue(checked.exit() != 0, checked.out() + checked.err());
            assertTrue(hygie(env, repo, "ls", "latest", "--no-cache").exit() != 0);
            Files.write(storeTreePack, Files.readAllBytes(packCopies.get(0)));
            // the snapshot file damaged on the server: commands read the sound local copy (as restic's cache does),
            // a check reads the server and finds the damage, and so does any command told --no-cache
            Path snapshot;
            try (var s = Files.list(store.resolve("snapshots"))) {
                snapshot = s.findFirst().orElseThrow();
            }
            byte[] bytes = Files.readAllBytes(snapshot);
            bytes[bytes.length / 2] ^= 0x40;
            snapshot.toFile().setWritable(true);
            Files.write(snapshot, bytes);
            CliRunner.Run listed = hygie(env, repo, "snapshots", "--json");
            assertEquals(0, listed.exit(), listed.err());
            assertEquals(1, Json.MAPPER.readTree(listed.out()).size());
            CliRunner.Run check = hygie(env, repo, "check", "--json");
            assertTrue(check.exit() != 0, check.out() + check.err());
            assertFalse(Json.MAPPER.readTree(check.out()).get("healthy").asBoolean(), check.out());
            CliRunner.Run direct = hygie(env, repo, "snapshots", "--no-cache");
            assertTrue(direct.exit() != 0, direct.out() + direct.err());
        }
    }

    /**
     * An append-only server (rclone serve restic --append-only) takes backups and copies; forget and prune are
     * refused before any work with exit 13 (access refused: retrying will not help), in French, and delete nothing.
     */
    @Test
    void anAppendOnlyRestServerTakesBackupsAndCopiesButRefusesForgetAndPrune() throws Exception {
        try (RcloneServer server = RcloneServer.start(tmp.resolve("rest"), true)) {
            String repo = server.location("coffre");
            String first = cycle(null, repo);
            String local = tmp.resolve("disque").toString();
            assertEquals(0, hygie(null, local, "init").exit());
            assertEquals(0, hygie(null, local, "backup", src.toString()).exit());
            CliRunner.Run copied = hygie(null, repo, "copy", "--from-repo", local, "--from-password-file",
                    pw.toString());
            assertEquals(0, copied.exit(), copied.out() + copied.err());
            for (String[] verb : List.of(new String[] {"forget", "--keep-last", "1"},
                    new String[] {"forget", "--keep-last", "1", "--prune"}, new String[] {"prune"})) {
                CliRunner.Run refused = hygie(null, repo, verb);
                assertEquals(ExitCode.ACCESS_REFUSED, refused.exit(), String.join(" ", verb) + ": " + refused.err());
                assertTrue(refused.err().contains("n'accepte aucune suppression"), refused.err());
            }
            CliRunner.Run snaps = hygie(null, repo, "snapshots", "--json");
            assertEquals(0, snaps.exit(), snaps.err());
            JsonNode arr = Json.MAPPER.readTree(snaps.out());
            assertEquals(2, arr.size(), snaps.out());
            assertTrue(snaps.out().contains(first), snaps.out());
            CliRunner.Run check = hygie(null, repo, "check", "--read-data", "--json");
            assertEquals(0, check.exit(), check.out() + check.err());
        }
    }

    @Test
    void throughAnAppendOnlyRestServerWithCredentials() throws Exception {
        try (RcloneServer server = RcloneServer.start(tmp.resolve("rest"), true, "cabinet", "mot-de-passe-http")) {
            String base = "rest:http://cabinet:%s@127.0.0.1:" + server.port() + "/coffre/";
            cycle(null, String.format(base, "mot-de-passe-http"));
            CliRunner.Run wrong = hygie(null, String.format(base, "faux"), "snapshots");
            assertEquals(ExitCode.ACCESS_REFUSED, wrong.exit(), wrong.err());
            assertTrue(wrong.err().contains("le stockage refuse l'accès"), wrong.err());
            assertTrue(wrong.err().contains("401"), wrong.err());
            assertFalse(wrong.err().contains("faux"), wrong.err());
        }
    }
}
