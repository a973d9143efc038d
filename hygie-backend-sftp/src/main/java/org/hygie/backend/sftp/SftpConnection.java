package org.hygie.backend.sftp;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.security.KeyPair;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.kex.KeyExchangeFactory;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.SftpModuleProperties;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHLimitsExtension;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.client.SftpVersionSelector;
import org.apache.sshd.sftp.common.SftpException;
import org.hygie.repository.backend.RefusalException;

/**
 * One SSH session to the server, carrying up to {@code connections} SFTP channels used at once. A channel or session
 * that fails is dropped and the next call opens a new one (reconnecting when the session is gone); the server's
 * host key is checked on every connection. A refused host key or login ({@link RefusalException}) is thrown as it
 * is, on the first connection as on a rebuilt one, so that nobody above retries it.
 */
final class SftpConnection implements Closeable {

    /** Work done on one SFTP channel. */
    interface Call<T> {
        T run(SftpClient sftp) throws IOException;
    }

    private static final int CONNECT_ATTEMPTS = 3;
    private static final int MAX_WRITE_REQUEST = 1024 * 1024;

    private final SftpLocation location;
    private final SftpSettings settings;
    private final ClientKeys keys;
    private final HostKeyCheck hostKeys;
    private final SshClient client;
    private final Semaphore permits;
    private final Deque<SftpClient> idle = new ArrayDeque<>();
    private ClientSession session;
    private boolean closed;
    /** Bytes per write request this server takes, once asked ({@link #writeRequestSize}); 0 before. */
    private volatile int writeSize;

    /** Connects and authenticates at once, so that a refused host key or login is reported before any work. */
    SftpConnection(SftpLocation location, SftpSettings settings) throws IOException {
        this.location = location;
        this.settings = settings;
        this.keys = ClientKeys.load(settings);
        KnownHosts known = KnownHosts.read(settings.knownHosts(), location.host(), location.port());
        this.hostKeys = new HostKeyCheck(known, location.host(), location.port());
        this.permits = new Semaphore(settings.connections(), true);
        this.client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(hostKeys);
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setSignatureFactories(preferring(client.getSignatureFactories(), known.keyTypes()));
        client.setKeyExchangeFactories(kexOrder(client.getKeyExchangeFactories()));
        // AES-GCM first: the JDK runs it on the processor's AES instructions; MINA's ChaCha20 is plain Java.
        client.setCipherFactories(new ArrayList<>(List.of(BuiltinCiphers.aes128gcm, BuiltinCiphers.aes256gcm,
                BuiltinCiphers.aes128ctr, BuiltinCiphers.aes192ctr, BuiltinCiphers.aes256ctr,
                BuiltinCiphers.cc20p1305_openssh)));
        CoreModuleProperties.IDLE_TIMEOUT.set(client, settings.timeout());
        CoreModuleProperties.AUTH_TIMEOUT.set(client, settings.timeout());
        CoreModuleProperties.SOCKET_KEEPALIVE.set(client, true);
        // Without it, a small request (open, stat, a tree's few KiB) waits for the server's delayed ACK (Nagle):
        // ~40 ms each, and a night without changes, which reads every tree of the parent snapshot, took 6 s.
        CoreModuleProperties.TCP_NODELAY.set(client, true);
        SftpModuleProperties.SFTP_CHANNEL_OPEN_TIMEOUT.set(client, settings.timeout());
        client.start();
        try {
            synchronized (this) {
                session = firstConnect();
            }
        } catch (IOException | RuntimeException e) {
            client.stop();
            throw e;
        }
    }

    /** A network that fails once is retried a few times; a refused host key or login is final at once. */
    private ClientSession firstConnect() throws IOException {
        for (int attempt = 1;; attempt++) {
            try {
                return connect();
            } catch (RefusalException e) {
                throw e;
            } catch (IOException e) {
                if (attempt >= CONNECT_ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(500L << attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while connecting to " + location.display());
                }
            }
        }
    }

    /**
     * Host key algorithms whose keys the known hosts file records go first, so that a server with several host keys
     * shows the one on record (as OpenSSH does) rather than one that would look unknown.
     */
    private static List<NamedFactory<Signature>> preferring(List<NamedFactory<Signature>> all, Set<String> types) {
        List<NamedFactory<Signature>> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt(f -> matches(f.getName(), types) ? 0 : 1));
        return sorted;
    }

    /** Key exchanges tried first, in this order; the others follow in MINA's order. */
    static final List<String> PREFERRED_KEX = List.of("mlkem768x25519-sha256", "curve25519-sha256",
            "curve25519-sha256@libssh.org");

    /**
     * The key exchanges offered, cheapest first among the strong ones. MINA's own order puts sntrup761x25519 first,
     * whose key generation (Bouncy Castle's NTRU Prime, polynomial inversions run cold in the interpreter, then
     * compiled by C2) cost ~0.5 s of CPU at every connection here, a tenth of a whole backup of 287 MiB to a NAS;
     * mlkem768x25519 (post-quantum as well, OpenSSH 9.9 and later) costs ~0.2 s, curve25519 least. With a server
     * that has both sntrup761x25519 and curve25519 (OpenSSH 9.0 to 9.8), curve25519 is chosen: what crosses this
     * connection is the repository's files, already encrypted with keys that never cross it, so a recording
     * decrypted in some future gives nothing readable. (Measured 29 Nov, docs/BENCHMARKS.md.)
     */
    static List<KeyExchangeFactory> kexOrder(List<KeyExchangeFactory> offered) {
        List<KeyExchangeFactory> sorted = new ArrayList<>(offered);
        sorted.sort(Comparator.comparingInt(f -> {
            int i = PREFERRED_KEX.indexOf(f.getName());
            return i < 0 ? PREFERRED_KEX.size() : i;
        }));
        return sorted;
    }

    private static boolean matches(String algorithm, Set<String> keyTypes) {
        if (algorithm.contains("-cert-")) {
            return false;
        }
        for (String t : keyTypes) {
            if (algorithm.equals(t) || (t.equals("ssh-rsa") && algorithm.startsWith("rsa-sha2-"))) {
                return true;
            }
        }
        return false;
    }

    private ClientSession connect() throws IOException {
        String where = location.display();
        ClientSession s;
        try {
            ConnectFuture f = client.connect(location.user(), location.host(), location.port());
            if (!f.await(settings.timeout())) {
                f.cancel();
                throw new IOException("no answer within " + settings.timeout().toSeconds() + " s");
            }
            s = f.verify().getSession();
        } catch (IOException e) {
            throw failure("cannot connect to the SSH server of " + where, e);
        }
        try {
            for (KeyPair k : keys.keys()) {
                s.addPublicKeyIdentity(k);
            }
            if (settings.password() != null) {
                s.addPasswordIdentity(settings.password());
            }
            s.auth().verify(settings.timeout());
            return s;
        } catch (IOException | RuntimeException e) {
            s.close(true);
            if (hostKeys.refusal() != null) {
                throw hostKeys.refusal().withCause(e);
            }
            if (!s.isAuthenticated() && isAuthRefusal(e)) {
                throw new LoginRefusedException(location.user(), where, tried(), e);
            }
            throw failure("the SSH session with " + where + " failed", e);
        }
    }

    private IOException failure(String what, Exception e) {
        if (hostKeys.refusal() != null) {
            return hostKeys.refusal().withCause(e);
        }
        return new IOException(what + ": " + reason(e), e);
    }

    /** The root cause in plain words ("connection refused"), not the SSH library's future and state names. */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.net.ConnectException) {
            return "connection refused (is the server on, is the port right?)";
        }
        if (root instanceof java.nio.channels.UnresolvedAddressException
                || root instanceof java.net.UnknownHostException) {
            return "unknown host name";
        }
        if (root instanceof java.net.NoRouteToHostException) {
            return "no route to the host (network down?)";
        }
        if (root instanceof java.net.SocketTimeoutException || root instanceof java.util.concurrent.TimeoutException) {
            return "no answer in time";
        }
        String m = root.getMessage();
        return m == null || m.isBlank() ? root.getClass().getSimpleName() : m;
    }

    private static boolean isAuthRefusal(Exception e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return m.contains("authentication") || m.contains("auth");
    }

    private String tried() {
        List<String> t = new ArrayList<>();
        t.add(keys.keys().isEmpty() ? "no key file" : "key files " + settings.keyFiles());
        t.add(settings.password() == null ? "no password (HYGIE_SFTP_PASSWORD is not set)" : "the password");
        t.addAll(keys.skipped());
        return String.join("; ", t);
    }

    /** How many SFTP channels may be used at once ({@code sftp.connections}). */
    int channels() {
        return settings.connections();
    }

    /** The value of a socket option on the connection to the server, as the operating system has it. */
    <T> T socketOption(java.net.SocketOption<T> option) throws IOException {
        return call(sftp -> ((org.apache.sshd.common.io.nio2.Nio2Session) sftp.getClientSession().getIoSession())
                .getSocket().getOption(option));
    }

    /** Runs {@code call} on a free channel, waiting for one if all are busy. */
    <T> T call(Call<T> call) throws IOException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for an SFTP channel");
        }
        SftpClient sftp = null;
        boolean healthy = false;
        try {
            sftp = borrow();
            T result = call.run(sftp);
            healthy = true;
            return result;
        } catch (IOException e) {
            if (sftp == null) {
                throw e; // connecting failed: the message already says where and why
            }
            if (answered(e)) {
                healthy = sftp.isOpen();
                throw e;
            }
            if (e instanceof InterruptedIOException) {
                throw e;
            }
            throw new IOException("the SFTP connection to " + location.display() + " broke: " + reason(e), e);
        } finally {
            giveBack(sftp, healthy);
            permits.release();
        }
    }

    /** Whether the failure is an answer (the server's status, a missing or existing file): the channel is fine. */
    private static boolean answered(IOException e) {
        if (e instanceof NoSuchFileException || e instanceof FileAlreadyExistsException || e instanceof EOFException) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SftpException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Bytes per SFTP write request: the most the server says it takes ({@code limits@openssh.com}: 255 KiB for
     * OpenSSH), up to 1 MiB; {@code fallback} from a server that does not say. Fewer, larger requests mean fewer
     * answers to wait for and handle on both sides: an initial backup to OpenSSH's server spent ~0.8 s less CPU
     * at 255 KiB than at 128 KiB (1.46 GiB, docs/BENCHMARKS.md). Asked once per connection.
     */
    int writeRequestSize(SftpClient sftp, int fallback) throws IOException {
        int size = writeSize;
        if (size == 0) {
            size = fallback;
            OpenSSHLimitsExtension limits = sftp.getExtension(OpenSSHLimitsExtension.class);
            if (limits != null && limits.isSupported()) {
                long max = limits.limits().maxWriteLength;
                if (max > 0) {
                    size = (int) Math.min(max, MAX_WRITE_REQUEST);
                }
            }
            writeSize = size;
        }
        return size;
    }

    private SftpClient borrow() throws IOException {
        ClientSession s;
        synchronized (this) {
            if (closed) {
                throw new IOException("the SFTP connection to " + location.display() + " is closed");
            }
            while (!idle.isEmpty()) {
                SftpClient c = idle.pop();
                if (c.isOpen() && c.getClientSession().isOpen()) {
                    return c;
                }
                closeQuietly(c);
            }
            if (session == null || !session.isOpen() || session.isClosing()) {
                if (session != null) {
                    session.close(true);
                }
                session = null;
                session = connect();
            }
            s = session;
        }
        try {
            // version 3, the one every server speaks (OpenSSH speaks no other) and restic's: saves send its requests
            // without waiting for each answer (PipelinedRequests)
            return SftpClientFactory.instance().createSftpClient(s,
                    SftpVersionSelector.fixedVersionSelector(PipelinedRequests.VERSION));
        } catch (IOException e) {
            synchronized (this) {
                if (session == s && !s.isOpen()) {
                    session = null;
                }
            }
            throw new IOException("cannot open an SFTP channel to " + location.display() + ": " + reason(e), e);
        }
    }

    private void giveBack(SftpClient sftp, boolean healthy) {
        if (sftp == null) {
            return;
        }
        synchronized (this) {
            if (healthy && !closed && sftp.isOpen()) {
                idle.push(sftp);
                return;
            }
        }
        closeQuietly(sftp);
    }

    private static void closeQuietly(SftpClient c) {
        try {
            c.close();
        } catch (IOException e) {
            return; // already broken: nothing more to release
        }
    }

    @Override
    public void close() throws IOException {
        List<SftpClient> channels;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            channels = new ArrayList<>(idle);
            idle.clear();
        }
        channels.forEach(SftpConnection::closeQuietly);
        try {
            if (session != null) {
                // a polite close, but a server that does not answer any more must not hold the program
                session.close(false).await(java.time.Duration.ofSeconds(5));
            }
        } finally {
            client.stop();
        }
    }
}
