package org.hygie.backend.sftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.StandardSocketOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.hygie.backend.sftp.testing.SftpTestServer;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.BackendContract;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.id.Id;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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

    @Test
    void writesFilesAsResticsSftpBackendDoes() throws Exception {
        String name;
        try (Backend b = newBackend()) {
            byte[] data = new byte[5000];
            name = Id.hash(data).hex();
            b.save(FileType.PACK, name, data);
        }
        Path repo = server.root().resolve("repos/contract-" + N.get());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(repo.resolve("data/ab"))));
        Path pack = repo.resolve("data").resolve(name.substring(0, 2)).resolve(name);
        assertEquals("r--------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pack)));
        try (Stream<Path> all = Files.walk(repo)) {
            assertEquals(List.of(), all.filter(p -> p.getFileName().toString().contains("-tmp-")).toList(),
                    "no temporary file left");
        }
    }

    /**
     * Small requests (open, stat, a tree of a few KiB) leave at once: with Nagle's algorithm on, each waited for the
     * server's delayed acknowledgement, ~40 ms, and a night without changes over SFTP, which reads back every tree
     * of the parent snapshot, took 6.4 s instead of 2.5 s (docs/BENCHMARKS.md).
     */
    @Test
    void sendsSmallRequestsWithoutWaitingForAcknowledgements() throws Exception {
        try (Backend b = newBackend()) {
            assertEquals(Boolean.TRUE, ((SftpBackend) b).connection().socketOption(StandardSocketOptions.TCP_NODELAY));
        }
    }

    /**
     * A whole file is read in one request with its size and the close when it fits (a config, a key, a lock), as a
     * stream otherwise: every size around the request's 128 KiB reads back identical.
     */
    @Test
    void readsWholeFilesOfEverySizeAroundOneRequest() throws Exception {
        try (Backend b = newBackend()) {
            Random rnd = new Random(3);
            for (int size : new int[] {0, 1, 131_071, 131_072, 131_073, 300_000}) {
                byte[] data = new byte[size];
                rnd.nextBytes(data);
                String name = Id.hash(data).hex();
                b.save(FileType.SNAPSHOT, name, data);
                assertArrayEquals(data, b.load(FileType.SNAPSHOT, name), "size " + size);
            }
            assertThrows(java.nio.file.NoSuchFileException.class, () -> b.load(FileType.SNAPSHOT, "0".repeat(64)));
        }
    }

    /**
     * Version 3, whatever the server offers (this one offers up to 6): saves send the version-3 forms of their
     * requests several at a time (PipelinedRequests), and OpenSSH speaks no other.
     */
    @Test
    void speaksSftpVersion3() throws Exception {
        try (Backend b = newBackend()) {
            int version = ((SftpBackend) b).connection().call(sftp -> sftp.getVersion());
            assertEquals(3, version);
        }
    }

    /**
     * A pack is written in requests as large as the server says it takes (limits@openssh.com: OpenSSH's 255 KiB),
     * not in a fixed size: fewer requests to send, answer and wait for. Each backend asks its own server.
     */
    @Test
    void writesInRequestsAsLargeAsTheServerTakes() throws Exception {
        try (SftpTestServer own = SftpTestServer.start(tmp.resolve("limits"))) {
            byte[] data = new byte[3 * 1024 * 1024];
            new Random(7).nextBytes(data);
            for (int max : new int[] {261_120, 40_000}) {
                own.limitWrites(max);
                String loc = own.location("/repos/limits-" + max);
                try (Backend b = new SftpBackendProvider(own.env(), tmp.resolve("home")).open(loc, Map.of())) {
                    b.create();
                    b.save(FileType.PACK, Id.hash(data).hex(), data);
                    assertArrayEquals(data, b.load(FileType.PACK, Id.hash(data).hex()));
                }
                assertEquals(max, own.largestWrite(), "largest write request with a limit of " + max);
            }
        }
    }

    @Override
    protected boolean crossesANetwork() {
        return true;
    }

    @Override
    protected Backend newBackend() throws Exception {
        String loc = server.location("/repos/contract-" + N.incrementAndGet());
        Backend b = new SftpBackendProvider(server.env(), tmp.resolve("home")).open(loc, Map.of());
        b.create();
        return b;
    }
}
