package org.hygie.repository;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.backend.LocalBackend;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.id.Id;
import org.hygie.repository.index.IndexFiles;
import org.hygie.repository.pack.PackEntry;
import org.hygie.repository.pack.PackReader;
import org.hygie.repository.testing.Fixtures;
import org.hygie.repository.testing.Restic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The repository layer against repositories made by the real restic 0.14, and the other way round. */
class RepositoryInteropTest {
    private static final byte[] PASSWORD = "correct horse".getBytes(StandardCharsets.UTF_8);
    static final long TEST_POLYNOMIAL = 0x3DA3358B4DC173L;

    @TempDir
    Path tmp;

    private Path sourceTree() throws Exception {
        Path src = tmp.resolve("src");
        Files.createDirectories(src.resolve("sub/empty"));
        Files.writeString(src.resolve("small.txt"), "bonjour\n");
        byte[] big = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(big);
        Files.write(src.resolve("sub/big.bin"), big);
        return src;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void readsEverythingResticWrote(int version) throws Exception {
        Path repoDir = tmp.resolve("repo");
        Restic restic = new Restic(repoDir, "correct horse");
        restic.ok("init", "--repository-version", Integer.toString(version));
        restic.ok("backup", sourceTree().toString());

        try (Repository repo = Repository.open(new LocalBackend(repoDir), PASSWORD)) {
            assertEquals(version, repo.config().version());
            List<Repository.SnapshotEntry> snaps = repo.snapshots(e -> {
                throw e;
            });
            assertEquals(1, snaps.size());
            assertEquals(List.of(tmp.resolve("src").toString()), snaps.get(0).snapshot().paths());
            // Every blob of every index loads and verifies, and pack headers agree with the index.
            int blobs = 0;
            for (Id indexId : repo.list(FileType.INDEX)) {
                for (IndexFiles.PackRecord p : IndexFiles.parse(repo.loadUnpacked(FileType.INDEX, indexId))) {
                    List<PackEntry> header = PackReader.readHeader(repo.backend(), repo.key(), p.pack(), version == 2);
                    assertEquals(header.size(), p.entries().size());
                    for (PackEntry e : p.entries()) {
                        assertEquals(e.id(), Id.hash(repo.loadBlob(e.type(), e.id())));
                        blobs++;
                    }
                }
            }
            assertTrue(blobs >= 5, "blobs: " + blobs);
            Id tree = Id.parse(snaps.get(0).snapshot().tree());
            String json = new String(repo.loadBlob(org.hygie.repository.pack.BlobType.TREE, tree),
                    StandardCharsets.UTF_8);
            assertTrue(json.startsWith("{\"nodes\":[") && json.endsWith("]}\n"), json);
        }
    }

    @Test
    void resticBacksUpIntoARepositoryHygieCreated() throws Exception {
        Path repoDir = tmp.resolve("repo");
        try (Repository repo = Repository.init(new LocalBackend(repoDir), PASSWORD, 2, TEST_POLYNOMIAL,
                Repository.KdfParams.TESTING)) {
            assertEquals(2, repo.config().version());
        }
        Restic restic = new Restic(repoDir, "correct horse");
        restic.ok("backup", sourceTree().toString());
        restic.ok("check", "--read-data");
        String cfg = restic.ok("cat", "config").out();
        assertTrue(cfg.contains("\"chunker_polynomial\": \"3da3358b4dc173\""), cfg);
        try (Repository repo = Repository.open(new LocalBackend(repoDir), PASSWORD)) {
            assertEquals(1, repo.snapshots(e -> {
                throw e;
            }).size());
            assertTrue(repo.index().size() >= 5);
        }
    }

    @Test
    void unpackedFilesRoundTripThroughRestic() throws Exception {
        Path repoDir = tmp.resolve("repo");
        try (Repository repo = Repository.init(new LocalBackend(repoDir), PASSWORD, 2, TEST_POLYNOMIAL,
                Repository.KdfParams.TESTING)) {
            byte[] json = "{\"packs\":[]}\n".getBytes(StandardCharsets.UTF_8);
            Id id = repo.saveUnpacked(FileType.INDEX, json);
            assertArrayEquals(json, repo.loadUnpacked(FileType.INDEX, id));
            Restic restic = new Restic(repoDir, "correct horse");
            // restic cat prints the decoded JSON and a newline of its own
            assertEquals("{\"packs\":[]}\n\n", restic.ok("cat", "index", id.hex()).out());
        }
    }

    @Test
    void wrongPasswordMissingRepositoryAndDamagedConfigAreClassified() throws Exception {
        Path repoDir = tmp.resolve("repo");
        Repository.init(new LocalBackend(repoDir), PASSWORD, 2, TEST_POLYNOMIAL, Repository.KdfParams.TESTING)
                .close();
        RepositoryException wrong = assertThrows(RepositoryException.class,
                () -> Repository.open(new LocalBackend(repoDir), "nope".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Problem.WRONG_PASSWORD, wrong.problem());
        RepositoryException none = assertThrows(RepositoryException.class,
                () -> Repository.open(new LocalBackend(tmp.resolve("nothing")), PASSWORD));
        assertEquals(Problem.NO_REPOSITORY, none.problem());
        RepositoryException again = assertThrows(RepositoryException.class, () -> Repository.init(
                new LocalBackend(repoDir), PASSWORD, 2, TEST_POLYNOMIAL, Repository.KdfParams.TESTING));
        assertEquals(Problem.ALREADY_EXISTS, again.problem());
        Path config = repoDir.resolve("config");
        byte[] bytes = Files.readAllBytes(config);
        bytes[40] ^= 1;
        config.toFile().setWritable(true);
        Files.write(config, bytes);
        RepositoryException damaged = assertThrows(RepositoryException.class,
                () -> Repository.open(new LocalBackend(repoDir), PASSWORD));
        assertEquals(Problem.CORRUPTED, damaged.problem());
    }

    @Test
    void anUnknownVersionAndDamagedKeysAreRefusedAndNothingIsModified() throws Exception {
        Path repoDir = tmp.resolve("repo");
        Repository repo = Repository.init(new LocalBackend(repoDir), PASSWORD, 2, TEST_POLYNOMIAL,
                Repository.KdfParams.TESTING);
        // a config claiming version 3, properly encrypted
        byte[] v3 = repo.key().encrypt(("{\"version\":3,\"id\":\"" + repo.config().id()
                + "\",\"chunker_polynomial\":\"3da3358b4dc173\"}").getBytes(StandardCharsets.UTF_8));
        Path config = repoDir.resolve("config");
        byte[] original = Files.readAllBytes(config);
        config.toFile().setWritable(true);
        Files.write(config, v3);
        RepositoryException unknown = assertThrows(RepositoryException.class,
                () -> Repository.open(new LocalBackend(repoDir), PASSWORD));
        assertEquals(Problem.UNSUPPORTED_VERSION, unknown.problem());
        Files.write(config, original);

        Path key = Files.list(repoDir.resolve("keys")).findFirst().orElseThrow();
        byte[] keyBytes = Files.readAllBytes(key);
        key.toFile().setWritable(true);
        Files.write(key, java.util.Arrays.copyOf(keyBytes, keyBytes.length / 2));
        RepositoryException truncated = assertThrows(RepositoryException.class,
                () -> Repository.open(new LocalBackend(repoDir), PASSWORD));
        assertEquals(Problem.CORRUPTED, truncated.problem());
        assertTrue(truncated.subject().startsWith("keys/"), truncated.subject());
        // refused, and nothing in the repository changed
        assertArrayEquals(original, Files.readAllBytes(config));
        assertEquals(keyBytes.length / 2, Files.size(key));
    }

    @Test
    void opensResticsVersion1Fixtures() throws Exception {
        Path repoDir = Fixtures.unpack("small-repo.tar.gz", tmp);
        try (Repository repo = Repository.open(new LocalBackend(repoDir),
                Fixtures.PASSWORD.getBytes(StandardCharsets.UTF_8))) {
            assertEquals(1, repo.config().version());
            assertEquals(4, repo.snapshots(e -> {
                throw e;
            }).size());
            Id latest = repo.resolveSnapshot("latest");
            assertEquals(latest, repo.resolveSnapshot(latest.hex().substring(0, 6)));
        }
    }
}
