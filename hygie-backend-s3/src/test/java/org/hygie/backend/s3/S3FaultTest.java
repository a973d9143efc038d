package org.hygie.backend.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.hygie.backup.archiver.BackupSummary;
import org.hygie.backup.testing.HygieFlows;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.backend.RetryingBackend;
import org.hygie.repository.id.Id;
import org.hygie.repository.testing.FaultProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flaky network between Hygie and the store: dropped connections, stalls longer than the timeout, and HTTP 500
 * answers (some after the store did the work). Backups complete through retries, and restic finds the repository
 * valid; a store that keeps failing gives a clear error.
 */
class S3FaultTest {
    private static final String PASSWORD = "mot de passe du cabinet";

    /** Quick retries, many of them: the faults are frequent here. */
    private static final RetryingBackend.Policy POLICY = new RetryingBackend.Policy(10, Duration.ofMillis(50),
            Duration.ofMillis(500));

    private static S3ProxyServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        server = new S3ProxyServer();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static S3Settings settings() {
        return S3ProxyServer.settings().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    /** Backs up through {@code port}, restores through it, then restic checks the repository behind the proxy. */
    private void backupRestoreAndCheck(int port, String bucket) throws Exception {
        Path src = Trees.practice(tmp.resolve("cabinet"), 3, 8);
        String through = "s3:http://127.0.0.1:" + port + "/" + bucket + "/depot";
        try (Backend backend = new RetryingBackend(S3Backend.open(through, settings()), POLICY);
                Repository repo = HygieFlows.init(backend, PASSWORD)) {
            BackupSummary summary = HygieFlows.backup(repo, src);
            assertEquals(List.of(), summary.warnings());
            Path target = tmp.resolve("restaure");
            assertEquals(List.of(), HygieFlows.restoreLatest(repo, target).problems());
            Trees.assertSame(src, Trees.restored(target, src));
        }
        ResticS3.at(server.location(bucket, "depot"), PASSWORD).ok("check", "--read-data");
    }

    @Test
    void droppedAndStalledConnectionsAreRetried() throws Exception {
        try (FaultProxy proxy = new FaultProxy(server.port(), 0.4, 0.2, 4_000, 8, 100_000)) {
            backupRestoreAndCheck(proxy.port(), "coupures");
            assertTrue(proxy.dropped() > 0, "the proxy dropped nothing among " + proxy.connections() + " connections");
        }
    }

    @Test
    void http500AnswersAreRetriedEvenWhenTheStoreDidTheWork() throws Exception {
        try (HttpFaultProxy proxy = new HttpFaultProxy(server.port(), 0.2, 11)) {
            backupRestoreAndCheck(proxy.port(), "erreurs");
            assertTrue(proxy.injected() > 5, "only " + proxy.injected() + " errors injected");
        }
    }

    /**
     * Each upload carries its SHA-256, signed, which the store checks: for a pack, its name (not computed again by
     * the SDK: see {@link KnownHashSignerTest}). No Content-MD5 on top (it would hash the same bytes again on both
     * sides), and none of the SDK's checksum trailers that S3-compatible stores reject.
     */
    @Test
    void uploadsCarryTheirSignedSha256AndIfNoneMatchButNoChecksumTrailer() throws Exception {
        try (HttpFaultProxy proxy = new HttpFaultProxy(server.port(), 0, 1);
                S3Backend b = S3Backend.open("s3:http://127.0.0.1:" + proxy.port() + "/entetes/p", settings())) {
            b.create();
            byte[] data = new byte[100_000];
            b.save(FileType.PACK, Id.hash(data).hex(), data);
            List<String> puts = proxy.seen().stream().filter(s -> s.startsWith("PUT /entetes/p/")).toList();
            assertEquals(1, puts.size(), proxy.seen().toString());
            String put = puts.get(0).toLowerCase(Locale.ROOT);
            assertTrue(put.contains("\nx-amz-content-sha256: " + Id.hash(data).hex()), put);
            assertFalse(put.contains("\ncontent-md5: "), put);
            assertTrue(put.contains("\nif-none-match: *"), put);
            assertTrue(put.contains("\ncontent-length: 100000"), put);
            assertFalse(put.contains("x-amz-checksum") || put.contains("x-amz-trailer")
                    || put.contains("aws-chunked") || put.contains("x-amz-sdk-checksum"), put);
        }
    }

    /**
     * A bucket under Object Lock wants a Content-MD5 on every upload (AWS, MinIO), signed payload or not: the first
     * upload refused for the lack of it is sent again with one, and every later upload carries one from the start.
     */
    @Test
    void aStoreAskingForContentMd5GetsItFromThenOn() throws Exception {
        try (HttpFaultProxy proxy = new HttpFaultProxy(server.port(), 0, 1);
                S3Backend b = S3Backend.open("s3:http://127.0.0.1:" + proxy.port() + "/verrou/p", settings())) {
            b.create();
            AtomicInteger refused = new AtomicInteger();
            proxy.rule((method, path, headers) -> {
                if (method.equals("PUT") && path.startsWith("/verrou/p/") && !headers.containsKey("Content-MD5")) {
                    refused.incrementAndGet();
                    return new HttpFaultProxy.Answer(400, "MissingContentMD5");
                }
                return null;
            });
            for (int i = 0; i < 3; i++) {
                byte[] data = ("paquet " + i).getBytes(StandardCharsets.UTF_8);
                b.save(FileType.PACK, Id.hash(data).hex(), data);
                assertArrayEquals(data, b.load(FileType.PACK, Id.hash(data).hex()));
            }
            assertEquals(1, refused.get(), "only the first upload went without it");
        }
    }

    /**
     * A pack damaged on its way to the store is refused by it and nothing is stored; the backend sends it once more
     * at once, and a pack damaged every time is an error, still with nothing stored, that the retrying layer takes.
     */
    @Test
    void aBodyDamagedOnTheWayIsRefusedAndWrittenAgain() throws Exception {
        try (HttpFaultProxy proxy = new HttpFaultProxy(server.port(), 0, 1)) {
            AtomicInteger puts = new AtomicInteger();
            AtomicInteger toDamage = new AtomicInteger();
            proxy.tamper((method, path, body) -> {
                if (method.equals("PUT") && path.contains("/data/")) {
                    puts.incrementAndGet();
                    if (toDamage.getAndDecrement() > 0) {
                        byte[] copy = body.clone();
                        copy[copy.length / 2] ^= 0x01;
                        return copy;
                    }
                }
                return body;
            });
            byte[] data = new byte[300_000];
            new Random(3).nextBytes(data);
            String name = Id.hash(data).hex();
            try (S3Backend direct = S3Backend.open("s3:http://127.0.0.1:" + proxy.port() + "/abime/p", settings())) {
                direct.create();
                toDamage.set(Integer.MAX_VALUE);
                IOException e = assertThrows(IOException.class, () -> direct.save(FileType.PACK, name, data));
                assertFalse(direct.exists(FileType.PACK, name), "nothing stored after " + e.getMessage());
                assertEquals(2, puts.getAndSet(0), "sent twice, refused twice");

                toDamage.set(1);
                direct.save(FileType.PACK, name, data);
                assertArrayEquals(data, direct.load(FileType.PACK, name));
                assertEquals(2, puts.getAndSet(0), "one damaged upload, then a sound one");
            }
            try (Backend retrying = new RetryingBackend(S3Backend.open("s3:http://127.0.0.1:" + proxy.port()
                    + "/abime/q", settings()), RetryingBackend.Policy.FAST)) {
                retrying.create();
                toDamage.set(2); // both uploads of the first attempt damaged, then the retry goes through
                retrying.save(FileType.PACK, name, data);
                assertArrayEquals(data, retrying.load(FileType.PACK, name));
                assertEquals(3, puts.get(), "two damaged uploads, then a sound one");
            }
        }
    }

    /**
     * The signed SHA-256 of a file is its name; a file whose name is not its hash (none in a repository but config)
     * is refused by the store and sent again with the hash the SDK computes, so it is stored all the same.
     */
    @Test
    void aFileNotNamedByItsHashIsStoredAllTheSame() throws Exception {
        try (HttpFaultProxy proxy = new HttpFaultProxy(server.port(), 0, 1);
                S3Backend b = S3Backend.open("s3:http://127.0.0.1:" + proxy.port() + "/nommage/p", settings())) {
            b.create();
            byte[] data = "pas le hash de son nom".getBytes(StandardCharsets.UTF_8);
            String notItsHash = "ab".repeat(32);
            b.save(FileType.SNAPSHOT, notItsHash, data);
            assertArrayEquals(data, b.load(FileType.SNAPSHOT, notItsHash));
            List<String> puts = proxy.seen().stream().filter(x -> x.startsWith("PUT /nommage/p/snapshots/")).toList();
            assertEquals(2, puts.size(), proxy.seen().toString());
            assertTrue(puts.get(0).toLowerCase(Locale.ROOT).contains("x-amz-content-sha256: " + notItsHash),
                    puts.get(0));
            assertTrue(puts.get(1).toLowerCase(Locale.ROOT).contains("x-amz-content-sha256: " + Id.hash(data).hex()),
                    puts.get(1));
        }
    }

    @Test
    void aStoreThatKeepsFailingGivesAClearError() throws Exception {
        try (HttpFaultProxy proxy = new HttpFaultProxy(server.port(), 0, 1)) {
            Backend b = new RetryingBackend(S3Backend.open("s3:http://127.0.0.1:" + proxy.port() + "/panne/p",
                    settings()), RetryingBackend.Policy.FAST);
            b.create();
            proxy.close(); // the store goes away
            byte[] data = new byte[10];
            IOException e = assertThrows(IOException.class, () -> b.save(FileType.PACK, Id.hash(data).hex(), data));
            assertTrue(e.getMessage().contains("failed after 6 attempts")
                    && e.getMessage().contains("cannot talk to the S3 store at http://127.0.0.1:" + proxy.port()),
                    e.getMessage());
            b.close();
        }
    }
}
