package org.hygie.backend.rest;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hygie.backend.rest.testing.RcloneServer;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.BackendContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The backend contract against {@code rclone serve restic} on loopback. */
class RestBackendTest extends BackendContract {
    private static final AtomicInteger N = new AtomicInteger();

    @TempDir
    static Path tmp;
    static RcloneServer server;

    @BeforeAll
    static void start() throws Exception {
        server = RcloneServer.start(tmp, false);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    protected boolean crossesANetwork() {
        return true;
    }

    @Override
    protected Backend newBackend() throws Exception {
        Backend b = new RestBackendProvider(Map.of()).open(server.location("contract-" + N.incrementAndGet()),
                Map.of());
        b.create();
        return b;
    }
}
