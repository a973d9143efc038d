package org.hygie.backend.sftp;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hygie.backend.sftp.testing.SftpTestServer;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.BackendContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The backend contract against an SSH server in this JVM, logging in with a key. */
class SftpBackendTest extends BackendContract {
    @TempDir
    static Path tmp;
    static SftpTestServer server;
    private static final AtomicInteger N = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        server = SftpTestServer.start(tmp.resolve("server"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Override
    protected Backend newBackend() throws Exception {
        String loc = server.location("/repos/contract-" + N.incrementAndGet());
        Backend b = new SftpBackendProvider(server.env(), tmp.resolve("home")).open(loc, Map.of());
        b.create();
        return b;
    }
}
