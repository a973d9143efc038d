package org.hygie.backend.sftp.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.kex.KeyExchangeFactory;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.SftpModuleProperties;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An SSH server with the SFTP subsystem, in this JVM, on 127.0.0.1 and a free port, serving a folder as its whole
 * file system (so {@code /repo} is {@code root()/repo}). It accepts user {@link #USER} with the client key it made
 * (an Ed25519 key from {@code ssh-keygen}, usable by OpenSSH's {@code ssh} too) or with {@link #PASSWORD}.
 */
public final class SftpTestServer implements AutoCloseable {
    public static final String USER = "cabinet";
    public static final String PASSWORD = "mot de passe du NAS";

    private final Path dir;
    private final Path root;
    private volatile KeyPair hostKey;
    private volatile boolean refuseLogins;
    private volatile String lastKex;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger largestWrite = new AtomicInteger();
    private final Path clientKey;
    private final PublicKey clientPublic;
    private final SshServer server;

    /** Starts a server whose files, keys and known hosts live under {@code dir}, with a new host key. */
    public static SftpTestServer start(Path dir) throws IOException, GeneralSecurityException {
        return new SftpTestServer(dir, newHostKey());
    }

    /** Starts a server that presents {@code hostKey} (to play a server whose key changed, give another one). */
    public SftpTestServer(Path dir, KeyPair hostKey) throws IOException, GeneralSecurityException {
        this.dir = Files.createDirectories(dir);
        this.root = Files.createDirectories(dir.resolve("root"));
        this.hostKey = hostKey;
        this.clientKey = dir.resolve("client_ed25519");
        if (!Files.exists(clientKey)) {
            ssh("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "hygie-test", "-f", clientKey.toString());
        }
        this.clientPublic = AuthorizedKeyEntry.parseAuthorizedKeyEntry(
                Files.readString(dir.resolve("client_ed25519.pub")).strip())
                .resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        // read at each connection, so that a test can change the key between two connections
        server.setKeyPairProvider(session -> List.of(this.hostKey));
        server.setPasswordAuthenticator((user, password, session) -> !refuseLogins && USER.equals(user)
                && PASSWORD.equals(password));
        server.setPublickeyAuthenticator((user, key, session) -> !refuseLogins && USER.equals(user)
                && KeyUtils.compareKeys(key, clientPublic));
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                connections.incrementAndGet();
            }

            @Override
            public void sessionEvent(Session session, Event event) {
                if (event == Event.KeyEstablished) {
                    lastKex = session.getNegotiatedKexParameter(KexProposalOption.ALGORITHMS);
                }
            }
        });
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        sftp.addSftpEventListener(new SftpEventListener() {
            @Override
            public void writing(ServerSession session, String remoteHandle, FileHandle localHandle, long offset,
                    byte[] data, int dataOffset, int dataLen) {
                largestWrite.accumulateAndGet(dataLen, Math::max);
            }
        });
        server.setSubsystemFactories(List.of(sftp));
        server.start();
    }

    public static KeyPair newHostKey() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    public int port() {
        return server.getPort();
    }

    /** The folder the server shows as {@code /}. */
    public Path root() {
        return root;
    }

    public KeyPair hostKey() {
        return hostKey;
    }

    /** From the next connection on, the server presents {@code key} (a reinstalled server, or an interception). */
    public void changeHostKey(KeyPair key) {
        this.hostKey = key;
    }

    /** From the next login on, every key and password is refused (or accepted again with false). */
    public void refuseLogins(boolean refuse) {
        this.refuseLogins = refuse;
    }

    /** Closes every open connection at once, as a network that breaks does. */
    public void dropConnections() throws IOException {
        for (var s : server.getActiveSessions()) {
            s.close(true);
        }
    }

    /**
     * From the next connection on, the server offers only these key exchanges (by their SSH names), as an older
     * or a newer OpenSSH does.
     */
    public void offerKeyExchanges(String... names) {
        List<KeyExchangeFactory> kex = new ArrayList<>();
        for (String n : names) {
            kex.add(ServerBuilder.DH2KEX.apply(BuiltinDHFactories.fromFactoryName(n)));
        }
        server.setKeyExchangeFactories(kex);
    }

    /** The key exchange agreed on the last connection whose keys were set up; null before any. */
    public String lastKeyExchange() {
        return lastKex;
    }

    /**
     * Sets the most bytes one write request may carry, which the server tells clients that ask
     * ({@code limits@openssh.com}), and forgets the largest write seen so far.
     */
    public void limitWrites(int maxWriteLength) {
        SftpModuleProperties.MAX_WRITEDATA_PACKET_LENGTH.set(server, maxWriteLength);
        largestWrite.set(0);
    }

    /** The most bytes one write request carried since the server started or {@link #limitWrites} was called. */
    public int largestWrite() {
        return largestWrite.get();
    }

    /** How many connections clients opened so far (each one counted when the server accepts it). */
    public int connections() {
        return connections.get();
    }

    /** The client's private key file (OpenSSH format, no passphrase, mode 0600). */
    public Path clientKey() {
        return clientKey;
    }

    /** {@code sftp://cabinet@127.0.0.1:PORT//path}: an absolute path on the server. */
    public String location(String absolutePath) {
        return "sftp://" + USER + "@127.0.0.1:" + port() + "/" + absolutePath;
    }

    /** A known hosts file recording this server's host key for 127.0.0.1 and its port. */
    public Path knownHosts() throws IOException {
        return knownHosts(port());
    }

    /** A known hosts file recording this server's host key for 127.0.0.1 and {@code port} (a proxy in front). */
    public Path knownHosts(int port) throws IOException {
        Path f = dir.resolve("known_hosts-" + port);
        Files.writeString(f, "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(hostKey.getPublic()) + "\n",
                StandardCharsets.UTF_8);
        return f;
    }

    /** The environment Hygie needs to log in with the client key and trust this server. */
    public Map<String, String> env() throws IOException {
        return Map.of("HYGIE_SFTP_KEY", clientKey.toString(), "HYGIE_SFTP_KNOWN_HOSTS", knownHosts().toString());
    }

    /**
     * The {@code ssh} command restic's sftp backend should run to reach this server ({@code -o sftp.command=…}):
     * the client key, this server's known hosts file, strict checking, no user configuration.
     */
    public String resticSshCommand(int port) throws IOException {
        return "ssh -F /dev/null -p " + port + " -i " + clientKey + " -o IdentitiesOnly=yes -o BatchMode=yes"
                + " -o UserKnownHostsFile=" + knownHosts() + " -o GlobalKnownHostsFile=/dev/null"
                + " -o StrictHostKeyChecking=yes -o HostKeyAlias=[127.0.0.1]:" + port() + " -o LogLevel=ERROR "
                + USER + "@127.0.0.1 -s sftp";
    }

    private static void ssh(String... cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
