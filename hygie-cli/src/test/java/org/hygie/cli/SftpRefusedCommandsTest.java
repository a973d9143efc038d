package org.hygie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.hygie.backend.sftp.testing.SftpTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SFTP server that Hygie refuses (its host key is unknown, changed or revoked) or that refuses Hygie (the login):
 * the command says which, in French or English, with the host, the fingerprints and what to do, and exits with
 * {@link ExitCode#ACCESS_REFUSED}. The server is the in-process MINA SSHD of the SFTP tests; hygie runs as a user
 * runs it, in its own JVM with the SFTP settings in its environment.
 */
class SftpRefusedCommandsTest {
    private static final String PASSWORD = "le mot de passe du dépôt";

    @TempDir
    Path tmp;

    private static Map<String, String> env(Path key, Path knownHosts) {
        Map<String, String> env = new HashMap<>();
        env.put("HYGIE_SFTP_KEY", key.toString());
        env.put("HYGIE_SFTP_KNOWN_HOSTS", knownHosts.toString());
        env.put("HYGIE_PASSWORD", PASSWORD);
        env.put("LC_ALL", "C.UTF-8"); // a terminal that shows accents (the language stays French: no LANG=en)
        return env;
    }

    private static String fingerprint(java.security.PublicKey key) {
        return KeyUtils.getKeyType(key) + " " + KeyUtils.getFingerPrint(key);
    }

    /** What the message puts between « and »: the command to run. */
    private static String quoted(String text) {
        int from = text.indexOf('«');
        int to = text.indexOf('»', from);
        assertTrue(from >= 0 && to > from, text);
        return text.substring(from + 1, to).strip();
    }

    @Test
    void anUnknownServerIsNamedWithItsFingerprintAndTheCommandThatRecordsItWhichWorks() throws Exception {
        try (SftpTestServer server = SftpTestServer.start(tmp.resolve("nas"))) {
            Path known = tmp.resolve("ssh/known_hosts");
            Files.createDirectories(known.getParent());
            String repo = server.location("/cabinet");
            String host = "[127.0.0.1]:" + server.port();
            String print = fingerprint(server.hostKey().getPublic());

            CliRunner.Run fr = CliRunner.process(env(server.clientKey(), known), "init", "--repo", repo);
            assertEquals(ExitCode.ACCESS_REFUSED, fr.exit(), fr.err());
            assertTrue(fr.err().startsWith("hygie: le serveur " + host + " est inconnu : sa clé d'hôte (" + print
                    + ") n'est pas dans " + known + ", et Hygie ne se connecte pas à un serveur qu'il ne reconnaît"
                    + " pas."), fr.err());
            String command = quoted(fr.err());
            assertEquals("ssh-keyscan -p " + server.port() + " 127.0.0.1 >> " + known, command);
            assertFalse(fr.err().contains("lecture ou écriture impossible"), "not the generic I/O message");
            assertFalse(Files.exists(server.root().resolve("cabinet")), "nothing written");

            CliRunner.Run en = CliRunner.process(env(server.clientKey(), known), "--lang", "en", "snapshots",
                    "--repo", repo);
            assertEquals(ExitCode.ACCESS_REFUSED, en.exit(), en.err());
            assertTrue(en.err().startsWith("hygie: the server " + host + " is not known: its host key (" + print
                    + ") is not in " + known), en.err());
            assertTrue(en.err().contains("\"" + command + "\""), en.err());

            // the advice works: once the key is recorded with the command given, the same command line goes through
            Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
            assertTrue(Files.readString(known).contains(host + " " + PublicKeyEntry.toString(
                    server.hostKey().getPublic())), Files.readString(known));
            CliRunner.Run init = CliRunner.process(env(server.clientKey(), known), "init", "--repo", repo);
            assertEquals(0, init.exit(), init.err());
            assertTrue(Files.exists(server.root().resolve("cabinet/config")));
        }
    }

    @Test
    void aChangedOrRevokedHostKeyIsRefusedAsAPossibleInterception() throws Exception {
        try (SftpTestServer server = SftpTestServer.start(tmp.resolve("nas"))) {
            String repo = server.location("/cabinet");
            String host = "[127.0.0.1]:" + server.port();
            String print = fingerprint(server.hostKey().getPublic());
            java.security.PublicKey before = SftpTestServer.newHostKey().getPublic();
            Path known = Files.writeString(tmp.resolve("known_hosts"), host + " " + PublicKeyEntry.toString(before)
                    + "\n");

            CliRunner.Run fr = CliRunner.process(env(server.clientKey(), known), "init", "--repo", repo);
            assertEquals(ExitCode.ACCESS_REFUSED, fr.exit(), fr.err());
            assertTrue(fr.err().startsWith("hygie: la clé d'hôte du serveur " + host + " a CHANGÉ : il présente "
                    + print + ", alors que " + known + " enregistre " + fingerprint(before) + ". Quelqu'un"
                    + " intercepte peut-être la connexion"), fr.err());
            assertFalse(Files.exists(server.root().resolve("cabinet")), "nothing written");

            Path revoked = Files.writeString(tmp.resolve("known_hosts-revoked"), "@revoked " + host + " "
                    + PublicKeyEntry.toString(server.hostKey().getPublic()) + "\n");
            CliRunner.Run en = CliRunner.process(env(server.clientKey(), revoked), "--lang", "en", "init", "--repo",
                    repo);
            assertEquals(ExitCode.ACCESS_REFUSED, en.exit(), en.err());
            assertTrue(en.err().startsWith("hygie: the host key of the server " + host + " (" + print
                    + ") is marked @revoked in " + revoked), en.err());
        }
    }

    @Test
    void aRefusedLoginNamesTheUserAndWhatToCheckNeverThePassword() throws Exception {
        try (SftpTestServer server = SftpTestServer.start(tmp.resolve("nas"));
                SftpTestServer other = SftpTestServer.start(tmp.resolve("other"))) {
            // a key this server does not authorise (the other server's client key), and a wrong password
            Map<String, String> env = env(other.clientKey(), server.knownHosts());
            env.put("HYGIE_SFTP_PASSWORD", "pas-le-bon-mot-de-passe");
            String repo = server.location("/cabinet");

            CliRunner.Run fr = CliRunner.process(env, "snapshots", "--repo", repo);
            assertEquals(ExitCode.ACCESS_REFUSED, fr.exit(), fr.err());
            assertTrue(fr.err().startsWith("hygie: le serveur a refusé la connexion de l'utilisateur "
                    + SftpTestServer.USER + " (" + repo + "). Vérifiez le nom d'utilisateur"), fr.err());
            assertTrue(fr.err().contains("tried: key files [" + other.clientKey() + "]; the password"), fr.err());
            assertFalse(fr.err().contains("pas-le-bon-mot-de-passe"), "the password is never printed");

            CliRunner.Run en = CliRunner.process(env, "--lang", "en", "snapshots", "--repo", repo);
            assertEquals(ExitCode.ACCESS_REFUSED, en.exit(), en.err());
            assertTrue(en.err().startsWith("hygie: the server refused the login of user " + SftpTestServer.USER
                    + " (" + repo + ")."), en.err());

            // the right key on the same server: the refusal was the login's, nothing else
            CliRunner.Run ok = CliRunner.process(env(server.clientKey(), server.knownHosts()), "init", "--repo",
                    repo);
            assertEquals(0, ok.exit(), ok.err());
        }
    }
}
