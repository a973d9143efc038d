package org.hygie.backend.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.BackendContract;
import org.hygie.repository.backend.FileInfo;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.id.Id;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The backend contract against s3proxy, plus what is particular to S3: layout, bucket creation, ranges. */
class S3BackendTest extends BackendContract {
    private static S3ProxyServer server;
    private static int n;

    @BeforeAll
    static void start() throws Exception {
        server = new S3ProxyServer();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Override
    protected boolean crossesANetwork() {
        return true;
    }

    @Override
    protected Backend newBackend() throws Exception {
        // One bucket per backend, and a prefix of two levels, as a user would give.
        S3Backend b = S3Backend.open(server.location("contract" + n++, "cabinet/depot"), S3ProxyServer.settings());
        b.create();
        return b;
    }

    @Test
    void writesResticsDefaultLayoutUnderThePrefix() throws Exception {
        try (Backend b = newBackend()) {
            String bucket = "contract" + (n - 1);
            byte[] pack = "pack".getBytes(StandardCharsets.UTF_8);
            Id id = Id.hash(pack);
            b.save(FileType.PACK, id.hex(), pack);
            b.save(FileType.KEY, Id.hash(new byte[] {1}).hex(), new byte[] {1});
            b.save(FileType.CONFIG, null, new byte[] {2});
            java.nio.file.Path root = server.bucketDir(bucket).resolve("cabinet/depot");
            assertTrue(Files.isRegularFile(root.resolve("data/" + id.hex().substring(0, 2) + "/" + id.hex())));
            assertTrue(Files.isRegularFile(root.resolve("keys/" + Id.hash(new byte[] {1}).hex())));
            assertTrue(Files.isRegularFile(root.resolve("config")));
            assertEquals(List.of(new FileInfo("config", 1)), b.list(FileType.CONFIG));
        }
    }

    @Test
    void aBucketRootHoldsARepositoryToo() throws Exception {
        try (S3Backend b = S3Backend.open(server.location("racine", ""), S3ProxyServer.settings())) {
            b.create();
            b.save(FileType.CONFIG, null, new byte[] {7});
            assertTrue(Files.isRegularFile(server.bucketDir("racine").resolve("config")));
            assertThrows(FileAlreadyExistsException.class, b::create, "a second init finds the config");
            assertThrows(FileAlreadyExistsException.class, () -> b.save(FileType.CONFIG, null, new byte[] {8}));
            assertArrayEquals(new byte[] {7}, b.load(FileType.CONFIG, null));
        }
    }

    @Test
    void createMakesTheBucketAndAcceptsOneThatExists() throws Exception {
        try (S3Backend b = S3Backend.open(server.location("nouveau", "a"), S3ProxyServer.settings());
                S3Backend other = S3Backend.open(server.location("nouveau", "b"), S3ProxyServer.settings())) {
            assertFalse(Files.exists(server.bucketDir("nouveau")));
            assertEquals(List.of(), b.list(FileType.SNAPSHOT), "no bucket yet: nothing listed");
            assertThrows(NoSuchFileException.class, () -> b.load(FileType.CONFIG, null));
            b.create();
            assertTrue(Files.isDirectory(server.bucketDir("nouveau")));
            other.create(); // a second repository in the same bucket
        }
    }

    @Test
    void missingBucketIsNoSuchFileWithAClearMessage() throws Exception {
        try (S3Backend b = S3Backend.open(server.location("absent", "x"), S3ProxyServer.settings())) {
            NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> b.load(FileType.CONFIG, null));
            assertTrue(e.getMessage().contains("bucket absent does not exist"), e.getMessage());
            b.delete(FileType.LOCK, Id.hash(new byte[0]).hex()); // deleting in a missing bucket succeeds
        }
    }

    @Test
    void rangesPastTheEndAreEofAndEmptyRangesNeedTheFile() throws Exception {
        try (Backend b = newBackend()) {
            byte[] data = new byte[1000];
            Id id = Id.hash(data);
            b.save(FileType.PACK, id.hex(), data);
            assertThrows(EOFException.class, () -> b.load(FileType.PACK, id.hex(), 990, 20));
            assertThrows(EOFException.class, () -> b.load(FileType.PACK, id.hex(), 1000, 1));
            assertEquals(0, b.load(FileType.PACK, id.hex(), 10, 0).length);
            String missing = Id.hash(new byte[1]).hex();
            assertThrows(NoSuchFileException.class, () -> b.load(FileType.PACK, missing, 0, 0));
            assertThrows(NoSuchFileException.class, () -> b.load(FileType.PACK, missing, 0, 10));
        }
    }

    @Test
    void packsAreNeverReplacedEither() throws Exception {
        try (Backend b = newBackend()) {
            byte[] data = "contenu".getBytes(StandardCharsets.UTF_8);
            Id id = Id.hash(data);
            b.save(FileType.PACK, id.hex(), data);
            // The store refuses the conditional write (If-None-Match: *) with 412.
            assertThrows(FileAlreadyExistsException.class, () -> b.save(FileType.PACK, id.hex(), new byte[3]));
            assertArrayEquals(data, b.load(FileType.PACK, id.hex()));
        }
    }

    @Test
    void withoutConditionalWritesTheHeadStillGuards() throws Exception {
        try (S3Backend b = S3Backend.open(server.location("sans-condition", "p"),
                S3ProxyServer.settings().withConditionalPut(false))) {
            b.create();
            byte[] data = "contenu".getBytes(StandardCharsets.UTF_8);
            Id id = Id.hash(data);
            b.save(FileType.PACK, id.hex(), data);
            assertThrows(FileAlreadyExistsException.class, () -> b.save(FileType.PACK, id.hex(), new byte[3]));
            assertArrayEquals(data, b.load(FileType.PACK, id.hex()));
        }
    }

    @Test
    void namesThatAreNotIdsAreSkippedWhenListing() throws Exception {
        try (S3Backend b = (S3Backend) newBackend()) {
            String bucket = "contract" + (n - 1);
            // Stray objects a user or another tool left: a temporary name, a sub-folder under snapshots.
            java.nio.file.Path root = server.bucketDir(bucket).resolve("cabinet/depot");
            byte[] data = {1, 2, 3};
            Id id = Id.hash(data);
            b.save(FileType.SNAPSHOT, id.hex(), data);
            b.save(FileType.PACK, id.hex(), data);
            try (S3Backend raw = S3Backend.open(server.location(bucket, "cabinet/depot/snapshots"),
                    S3ProxyServer.settings())) {
                raw.save(FileType.CONFIG, null, data); // an object named "snapshots/config"
            }
            assertTrue(Files.isRegularFile(root.resolve("snapshots/config")));
            assertEquals(List.of(new FileInfo(id.hex(), 3)), b.list(FileType.SNAPSHOT));
            assertEquals(List.of(new FileInfo(id.hex(), 3)), b.list(FileType.PACK));
            assertTrue(b.deletionAllowed());
        }
    }
}
