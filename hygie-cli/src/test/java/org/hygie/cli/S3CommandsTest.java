package org.hygie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hygie.backend.s3.ResticS3;
import org.hygie.backend.s3.S3ProxyServer;
import org.hygie.backend.s3.Trees;
import org.hygie.repository.json.Json;
import org.hygie.repository.testing.RemoteRestic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands end to end on an S3 repository (s3proxy on loopback), as a user runs them: a separate process with
 * the credentials in its environment. restic 0.14 then checks the same repository.
 */
class S3CommandsTest {
    private static final String PASSWORD = "mot de passe S3";
    private static S3ProxyServer server;

    @TempDir
    Path tmp;
    @TempDir
    Path data;

    @BeforeAll
    static void start() throws Exception {
        server = new S3ProxyServer();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>(S3ProxyServer.env());
        env.put("HYGIE_PASSWORD", PASSWORD);
        return env;
    }

    private static CliRunner.Run hygie(Map<String, String> env, String... args) throws Exception {
        CliRunner.Run r = CliRunner.process(env, args);
        assertFalse(r.err().contains(S3ProxyServer.SECRET_KEY) || r.out().contains(S3ProxyServer.SECRET_KEY),
                "a secret was printed");
        return r;
    }

    @Test
    void initBackupSnapshotsCheckRestoreThenResticAgrees() throws Exception {
        Path src = Trees.practice(data.resolve("cabinet"), 5, 4);
        String repo = server.location("cabinet-dupont", "sauvegardes/poste1");

        CliRunner.Run init = hygie(env(), "init", "--repo", repo);
        assertEquals(0, init.exit(), init.err());
        CliRunner.Run backup = hygie(env(), "backup", "--repo", repo, "-o", "s3.region=us-east-1", src.toString());
        assertEquals(0, backup.exit(), backup.err());

        CliRunner.Run snaps = hygie(env(), "snapshots", "--repo", repo, "--json");
        assertEquals(0, snaps.exit(), snaps.err());
        JsonNode arr = Json.MAPPER.readTree(snaps.out());
        assertEquals(1, arr.size(), snaps.out());

        CliRunner.Run check = hygie(env(), "check", "--repo", repo, "--read-data");
        assertEquals(0, check.exit(), check.err() + check.out());

        Path target = tmp.resolve("restaure");
        CliRunner.Run restore = hygie(env(), "restore", "--repo", repo, "latest", "--target", target.toString());
        assertEquals(0, restore.exit(), restore.err());
        Trees.assertSame(src, Trees.restored(target, src));

        RemoteRestic restic = ResticS3.at(repo, PASSWORD);
        restic.ok("check", "--read-data");
        assertTrue(restic.ok("snapshots").out().contains(arr.get(0).get("short_id").asText()), "restic lists it");

        CliRunner.Run again = hygie(env(), "init", "--repo", repo);
        assertEquals(ExitCode.of(org.hygie.repository.error.Problem.ALREADY_EXISTS), again.exit(), again.err());
    }

    @Test
    void aSecretIsNeverTakenAsAnOptionSinceArgvIsSeenByAll() throws Exception {
        Path pw = Files.writeString(tmp.resolve("password"), PASSWORD);
        String repo = server.location("cabinet-option", "depot");
        for (String opt : List.of("s3.secret-key=" + S3ProxyServer.SECRET_KEY,
                "AWS_SECRET_ACCESS_KEY=" + S3ProxyServer.SECRET_KEY, "s3.access-key-id=" + S3ProxyServer.ACCESS_KEY,
                "aws_session_token=" + S3ProxyServer.SECRET_KEY)) {
            String name = opt.substring(0, opt.indexOf('='));
            CliRunner.Run r = CliRunner.inProcess("init", "--repo", repo, "--password-file", pw.toString(), "-o",
                    "s3.region=eu-west-3", "-o", opt);
            assertUsageError(r, "« -o " + name + " » refusé : un secret ne se donne jamais sur la ligne de "
                    + "commande, où d'autres programmes le voient (ps). Donnez-le par l'environnement "
                    + "(AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_DEFAULT_REGION)");
            assertFalse(r.err().contains(S3ProxyServer.SECRET_KEY) || r.out().contains(S3ProxyServer.SECRET_KEY),
                    r.err());
        }
        CliRunner.Run en = CliRunner.inProcess("--lang", "en", "snapshots", "--repo", repo, "--password-file",
                pw.toString(), "-o", "s3.secret=" + S3ProxyServer.SECRET_KEY);
        assertUsageError(en, "\"-o s3.secret\" refused: a secret is never given on the command line");
        assertFalse(Files.exists(server.bucketDir("cabinet-option")), "the store was not even asked");
    }

    /** A wrong -o value is a mistake on the command line, said before the store is asked (it was an I/O failure). */
    @Test
    void aWrongOptionValueIsAUsageErrorAndTheStoreIsNotAsked() throws Exception {
        Path pw = Files.writeString(tmp.resolve("password"), PASSWORD);
        String repo = server.location("cabinet-valeur", "depot");
        CliRunner.Run r = hygie(env(), "init", "--repo", repo, "--password-file", pw.toString(), "-o",
                "s3.conditional-put=peut-etre");
        assertUsageError(r, "option -o invalide : s3.conditional-put must be true or false, not peut-etre");
        assertFalse(Files.exists(server.bucketDir("cabinet-valeur")), "the store was not even asked");
    }

    /**
     * A bucket name S3 refuses is a mistake in the address, said as such before anything is asked (it was "cannot
     * reach the store, check the disk is plugged", exit 1), for the repository and for copy's source.
     */
    @Test
    void aBucketNameS3RefusesIsAUsageError() throws Exception {
        Path pw = Files.writeString(tmp.resolve("password"), PASSWORD);
        String repo = server.location("Cabinet_Dupont", "depot");
        CliRunner.Run fr = hygie(env(), "init", "--repo", repo, "--password-file", pw.toString());
        assertUsageError(fr, "adresse de dépôt invalide " + repo + " : 'Cabinet_Dupont' is not a valid S3 "
                + "bucket name");
        CliRunner.Run en = hygie(env(), "--lang", "en", "copy", "--from-repo", repo, "--repo",
                tmp.resolve("local").toString(), "--password-file", pw.toString(), "--from-password-file",
                pw.toString());
        assertUsageError(en, "invalid repository address " + repo + ": 'Cabinet_Dupont'");
        assertFalse(Files.exists(server.bucketDir("Cabinet_Dupont")), "the store was not asked");
    }

    /** A mistake on the command line: exit 2, and the message says which. */
    private static void assertUsageError(CliRunner.Run r, String says) {
        assertEquals(ExitCode.USAGE, r.exit(), r.err());
        assertTrue(r.err().contains(says), r.err());
    }

    @Test
    void wrongCredentialsAndMissingOnesSayWhatToSet() throws Exception {
        String repo = server.location("cabinet-martin", "depot");
        Map<String, String> wrong = env();
        wrong.put("AWS_SECRET_ACCESS_KEY", "pas-le-bon-secret");
        CliRunner.Run r = hygie(wrong, "--lang", "en", "snapshots", "--repo", repo);
        assertEquals(ExitCode.ACCESS_REFUSED, r.exit(), r.err());
        assertTrue(r.err().contains("the storage refuses access to"), r.err());
        assertTrue(r.err().contains("AWS_SECRET_ACCESS_KEY"), r.err());
        assertFalse(r.err().contains("pas-le-bon-secret"), r.err());
        CliRunner.Run fr = hygie(wrong, "snapshots", "--repo", repo);
        assertEquals(ExitCode.ACCESS_REFUSED, fr.exit(), fr.err());
        assertTrue(fr.err().contains("le stockage refuse l'accès"), fr.err());
        assertTrue(fr.err().contains("Réessayer n'y changera rien"), fr.err());

        Map<String, String> none = new HashMap<>(Map.of("HYGIE_PASSWORD", PASSWORD, "HOME", tmp.toString()));
        CliRunner.Run n = hygie(none, "--lang", "en", "snapshots", "--repo", repo);
        assertEquals(ExitCode.ACCESS_REFUSED, n.exit(), n.err());
        assertTrue(n.err().contains("no credentials to access " + repo), n.err());
        assertTrue(n.err().contains("AWS_ACCESS_KEY_ID"), n.err());
        assertFalse(n.err().contains("disk is plugged"), n.err());
        CliRunner.Run nfr = hygie(none, "snapshots", "--repo", repo);
        assertEquals(ExitCode.ACCESS_REFUSED, nfr.exit(), nfr.err());
        assertTrue(nfr.err().contains("aucun identifiant pour accéder à " + repo), nfr.err());

        Map<String, String> half = new HashMap<>(none);
        half.put("AWS_ACCESS_KEY_ID", env().get("AWS_ACCESS_KEY_ID"));
        CliRunner.Run h = hygie(half, "--lang", "en", "snapshots", "--repo", repo);
        assertEquals(ExitCode.ACCESS_REFUSED, h.exit(), h.err());
        assertTrue(h.err().contains("AWS_SECRET_ACCESS_KEY is not"), h.err());

        CliRunner.Run empty = hygie(env(), "--lang", "en", "snapshots", "--repo", repo);
        assertEquals(ExitCode.of(org.hygie.repository.error.Problem.NO_REPOSITORY), empty.exit(), empty.err());
        assertTrue(empty.err().contains("no repository at " + repo), empty.err());
    }
}
