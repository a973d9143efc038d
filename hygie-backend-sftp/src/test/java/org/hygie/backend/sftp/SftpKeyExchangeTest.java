package org.hygie.backend.sftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.hygie.backend.sftp.testing.SftpTestServer;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.id.Id;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which key exchange a connection agrees on, with servers that offer what the OpenSSH versions of NAS firmware
 * offer: the post-quantum ML-KEM hybrid when the server has it (OpenSSH 9.9 and later), else curve25519 rather than
 * the costly sntrup761 hybrid (OpenSSH 9.0 to 9.8), and an old server's choices still work.
 */
class SftpKeyExchangeTest {
    @TempDir
    Path tmp;

    /** Connects to a new server offering only {@code kex}, writes and reads a file; the agreed key exchange. */
    private String agreedWithAServerOffering(String... kex) throws Exception {
        try (SftpTestServer server = SftpTestServer.start(tmp.resolve("server"))) {
            server.offerKeyExchanges(kex);
            byte[] data = "échange de clés".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String name = Id.hash(data).hex();
            try (Backend b = new SftpBackendProvider(server.env(), tmp.resolve("home")).open(
                    server.location("/kex"), Map.of())) {
                b.create();
                b.save(FileType.SNAPSHOT, name, data);
                assertArrayEquals(data, b.load(FileType.SNAPSHOT, name), "the connection works");
            }
            return server.lastKeyExchange();
        }
    }

    @Test
    void aServerWithMlKemGetsIt() throws Exception {
        assertEquals("mlkem768x25519-sha256", agreedWithAServerOffering("sntrup761x25519-sha512",
                "mlkem768x25519-sha256", "curve25519-sha256", "ecdh-sha2-nistp256"));
    }

    @Test
    void aServerWithSntrupAndCurve25519GetsCurve25519() throws Exception {
        assertEquals("curve25519-sha256", agreedWithAServerOffering("sntrup761x25519-sha512",
                "sntrup761x25519-sha512@openssh.com", "curve25519-sha256", "curve25519-sha256@libssh.org",
                "ecdh-sha2-nistp256", "diffie-hellman-group14-sha256"));
    }

    @Test
    void aServerWithOnlySntrupStillConnects() throws Exception {
        assertEquals("sntrup761x25519-sha512", agreedWithAServerOffering("sntrup761x25519-sha512"));
    }

    @Test
    void anOldServerGetsWhatItHas() throws Exception {
        assertEquals("curve25519-sha256@libssh.org", agreedWithAServerOffering("curve25519-sha256@libssh.org",
                "ecdh-sha2-nistp256", "diffie-hellman-group14-sha1"));
    }

    @Test
    void aServerWithoutCurve25519GetsWhatItHas() throws Exception {
        assertEquals("ecdh-sha2-nistp256", agreedWithAServerOffering("ecdh-sha2-nistp256",
                "diffie-hellman-group14-sha256"));
    }
}
