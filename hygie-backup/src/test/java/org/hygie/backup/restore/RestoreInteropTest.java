package org.hygie.backup.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hygie.backup.testing.SourceTrees;
import org.hygie.backup.testing.TreeAssert;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.LocalBackend;
import org.hygie.repository.id.Id;
import org.hygie.repository.testing.Restic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Restores what the real restic 0.14 backed up, and compares with the source. */
class RestoreInteropTest {
    private static final String PASSWORD = "mot de passe";

    @TempDir
    Path tmp;

    private Path backupWithRestic(int version, String compression) throws Exception {
        Path src = SourceTrees.everyKind(tmp.resolve("src"));
        Restic restic = new Restic(tmp.resolve("repo"), PASSWORD);
        restic.ok("init", "--repository-version", Integer.toString(version));
        restic.ok("backup", "--compression", compression, src.toString());
        return src;
    }

    private Repository open() {
        return Repository.open(new LocalBackend(tmp.resolve("repo")), PASSWORD.getBytes(StandardCharsets.UTF_8));
    }

    private RestoreResult restore(Repository repo, RestoreOptions options) throws Exception {
        Id snap = repo.resolveSnapshot("latest");
        return new Restorer(repo, options, RestoreListener.NONE).restore(Id.parse(repo.loadSnapshot(snap).tree()));
    }

    @ParameterizedTest
    @CsvSource({"2, auto", "2, off", "2, max", "1, off"})
    void restoresEverythingIdentically(int version, String compression) throws Exception {
        Path src = backupWithRestic(version, compression);
        Path target = tmp.resolve("target");
        try (Repository repo = open()) {
            RestoreResult r = restore(repo, RestoreOptions.to(target));
            assertEquals(List.of(), r.problems());
            assertTrue(r.hardlinks() >= 1 && r.symlinks() == 4 && r.specials() == 1, r.toString());
        }
        Path restored = target.resolve(src.toString().substring(1));
        TreeAssert.assertSameTree(src, restored);
        long allocated = TreeAssert.allocated(restored.resolve("sparse.img"));
        assertTrue(allocated < 1024 * 1024, "sparse file takes " + allocated + " bytes on disk");
    }

    @Test
    void includeRestoresOnlyMatchingPathsAndTheirFolders() throws Exception {
        Path src = backupWithRestic(2, "auto");
        Path target = tmp.resolve("target");
        try (Repository repo = open()) {
            RestoreResult r = restore(repo, RestoreOptions.to(target).withIncludes(List.of("deeper", "*.txt")));
            assertEquals(List.of(), r.problems());
        }
        Path restored = target.resolve(src.toString().substring(1));
        assertTrue(Files.exists(restored.resolve("docs/nested/deeper/scan.bin")));
        assertTrue(Files.exists(restored.resolve("docs/lettre.txt")));
        assertTrue(Files.exists(restored.resolve("read-only.txt")));
        assertFalse(Files.exists(restored.resolve("big.bin")));
        assertFalse(Files.exists(restored.resolve("docs/with space")));
    }

    @Test
    void existingFilesAreNotOverwrittenUnlessAsked() throws Exception {
        Path src = backupWithRestic(2, "auto");
        Path target = tmp.resolve("target");
        Path restored = target.resolve(src.toString().substring(1));
        Files.createDirectories(restored.resolve("docs"));
        Files.writeString(restored.resolve("docs/lettre.txt"), "mine, keep me");
        try (Repository repo = open()) {
            RestoreResult r = restore(repo, RestoreOptions.to(target));
            assertEquals(1, r.problems().size(), r.problems().toString());
            assertTrue(r.problems().get(0).path().endsWith("/docs/lettre.txt"));
            assertEquals("mine, keep me", Files.readString(restored.resolve("docs/lettre.txt")));

            RestoreResult again = restore(repo, RestoreOptions.to(target).withOverwrite(true));
            // the other files exist too now; with overwrite they are all replaced
            assertEquals(List.of(), again.problems());
        }
        TreeAssert.assertSameTree(src, restored);
    }
}
