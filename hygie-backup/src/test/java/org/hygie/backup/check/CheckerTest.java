package org.hygie.backup.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hygie.backup.testing.SourceTrees;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.LocalBackend;
import org.hygie.repository.testing.Fixtures;
import org.hygie.repository.testing.Restic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** check against restic's own damaged test repositories, and against damage done on purpose. */
class CheckerTest {
    @TempDir
    Path tmp;

    private static CheckReport check(Path repoDir, String password, ReadData readData) {
        try (Repository repo = Repository.open(new LocalBackend(repoDir), password.getBytes(StandardCharsets.UTF_8))) {
            return new Checker(repo, readData, CheckListener.NONE).run();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Set<Finding.Kind> kinds(CheckReport r) {
        return r.findings().stream().map(Finding::kind).collect(Collectors.toSet());
    }

    /** Each fixture with restic 0.14's verdict (shared/fixtures/restic/verdicts.txt) and the kinds we expect. */
    @ParameterizedTest
    @CsvSource({
        "small-repo.tar.gz, true, MIXED_PACK",
        "repo-mixed.tar.gz, true, MIXED_PACK",
        "repo-duplicates.tar.gz, true, ",
        "repo-same-timestamps.tar.gz, true, ",
        "repo-obsolete-index.tar.gz, true, PACK_IN_SEVERAL_INDEXES",
        "duplicate-packs-in-index-test-repo.tar.gz, true, PACK_IN_SEVERAL_INDEXES",
        "repo-unreferenced-data.tar.gz, true, PACK_NOT_IN_INDEX",
        "repo-index-missing.tar.gz, false, PACK_NOT_IN_INDEX BLOB_NOT_IN_INDEX",
        "repo-index-missing-blob.tar.gz, false, PACK_NOT_IN_INDEX BLOB_NOT_IN_INDEX",
        "repo-data-missing.tar.gz, false, PACK_MISSING",
        "repo-unused-data-missing.tar.gz, false, PACK_MISSING",
    })
    void agreesWithResticOnItsFixtures(String fixture, boolean healthy, String expectedKinds) throws Exception {
        Path repoDir = Fixtures.unpack(fixture, tmp);
        CheckReport r = check(repoDir, Fixtures.PASSWORD, ReadData.ALL);
        assertEquals(healthy, r.healthy(), r.findings().toString());
        if (expectedKinds != null) {
            for (String k : expectedKinds.split(" ")) {
                assertTrue(kinds(r).contains(Finding.Kind.valueOf(k)), k + " in " + r.findings());
            }
        }
    }

    @Test
    void aMissingPackSaysWhichSnapshotsAndFilesItAffects() throws Exception {
        Path repoDir = Fixtures.unpack("repo-data-missing.tar.gz", tmp);
        CheckReport r = check(repoDir, Fixtures.PASSWORD, ReadData.NONE);
        Finding missing = r.findings().stream().filter(f -> f.kind() == Finding.Kind.PACK_MISSING).findFirst()
                .orElseThrow();
        assertFalse(missing.affectedSnapshots().isEmpty(), missing.toString());
        assertFalse(missing.affectedPaths().isEmpty(), missing.toString());
    }

    private Path resticRepo() throws Exception {
        Path src = SourceTrees.everyKind(tmp.resolve("src"));
        Restic restic = new Restic(tmp.resolve("repo"), "pw");
        restic.ok("init");
        restic.ok("backup", src.toString());
        Files.writeString(src.resolve("docs/second.txt"), "a second snapshot");
        restic.ok("backup", src.toString());
        return tmp.resolve("repo");
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void flipByte(Path file, long offset) throws Exception {
        file.toFile().setWritable(true);
        byte[] b = Files.readAllBytes(file);
        int at = (int) (offset < 0 ? b.length + offset : offset);
        b[at] ^= 0x55;
        Files.write(file, b);
    }

    @Test
    void aHealthyResticRepositoryIsHealthy() throws Exception {
        Path repoDir = resticRepo();
        CheckReport r = check(repoDir, "pw", ReadData.ALL);
        assertTrue(r.healthy(), r.findings().toString());
        assertEquals(List.of(), r.findings());
        assertEquals(2, r.snapshots());
        assertTrue(r.packsRead() > 0 && r.bytesRead() > 10_000_000);
    }

    @Test
    void everyInjectedCorruptionIsReportedAndResticAgrees() throws Exception {
        Path repoDir = resticRepo();
        // the biggest pack holds file data: damage a blob in its middle
        Path dataPack = files(repoDir.resolve("data")).stream().max((a, b) -> Long.compare(a.toFile().length(),
                b.toFile().length())).orElseThrow();
        flipByte(dataPack, dataPack.toFile().length() / 2);
        CheckReport dataOnly = check(repoDir, "pw", ReadData.ALL);
        Finding blob = dataOnly.findings().stream().filter(f -> f.kind() == Finding.Kind.BLOB_DAMAGED).findFirst()
                .orElseThrow();
        assertEquals(2, blob.affectedSnapshots().size(), "both snapshots hold the damaged file: " + blob);
        assertEquals(1, blob.affectedPaths().size(), blob.toString());
        assertTrue(kinds(dataOnly).contains(Finding.Kind.PACK_HASH_MISMATCH), dataOnly.findings().toString());
        assertTrue(blob.affectedPaths().get(0).endsWith(".bin"), blob.affectedPaths().toString());
        // now also damage one index file and one snapshot file
        List<Path> indexes = files(repoDir.resolve("index"));
        flipByte(indexes.get(0), 40);
        List<Path> snapshots = files(repoDir.resolve("snapshots"));
        flipByte(snapshots.get(0), 40);

        CheckReport r = check(repoDir, "pw", ReadData.ALL);
        assertFalse(r.healthy());
        Set<Finding.Kind> k = kinds(r);
        // the damaged pack is still read if its index survived; otherwise it is now a pack no index lists
        assertTrue(k.contains(Finding.Kind.BLOB_DAMAGED) || k.contains(Finding.Kind.PACK_NOT_IN_INDEX),
                r.findings().toString());
        assertTrue(k.contains(Finding.Kind.INDEX_UNREADABLE), r.findings().toString());
        assertTrue(k.contains(Finding.Kind.SNAPSHOT_UNREADABLE), r.findings().toString());

        Restic.Result restic = new Restic(repoDir, "pw").run(null, "check", "--read-data");
        assertNotEquals(0, restic.exit(), "restic agrees the repository is damaged");
    }

    @Test
    void aRemovedPackIsReportedWithoutReadingData() throws Exception {
        Path repoDir = resticRepo();
        Path pack = files(repoDir.resolve("data")).get(0);
        Files.delete(pack);
        CheckReport r = check(repoDir, "pw", ReadData.NONE);
        assertFalse(r.healthy());
        assertTrue(kinds(r).contains(Finding.Kind.PACK_MISSING), r.findings().toString());
        assertEquals(0, r.packsRead());
        assertNotEquals(0, new Restic(repoDir, "pw").run(null, "check").exit());
    }

    @Test
    void subsetsReadPartOfTheData() throws Exception {
        Path repoDir = resticRepo();
        CheckReport all = check(repoDir, "pw", ReadData.ALL);
        int sum = 0;
        for (int n = 1; n <= 3; n++) {
            sum += check(repoDir, "pw", ReadData.parseSubset(n + "/3")).packsRead();
        }
        assertEquals(all.packsRead(), sum, "the groups n/3 cover every pack exactly once");
    }
}
