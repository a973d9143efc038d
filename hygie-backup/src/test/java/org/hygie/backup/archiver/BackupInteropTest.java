package org.hygie.backup.archiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hygie.backup.restore.RestoreListener;
import org.hygie.backup.restore.RestoreOptions;
import org.hygie.backup.restore.Restorer;
import org.hygie.backup.testing.SourceTrees;
import org.hygie.backup.testing.TreeAssert;
import org.hygie.backup.walk.SnapshotPath;
import org.hygie.backup.walk.TreeLoader;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.LocalBackend;
import org.hygie.repository.chunker.Polynomial;
import org.hygie.repository.id.Id;
import org.hygie.repository.json.Json;
import org.hygie.repository.testing.Restic;
import org.hygie.repository.write.RepositoryWriter;
import org.hygie.repository.write.WriterOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hygie backs up; the real restic 0.14 checks, restores, and finds nothing left to add. */
class BackupInteropTest {
    private static final String PASSWORD = "sauvegarde";

    @TempDir
    Path tmp;

    private Repository init(int version) {
        return Repository.init(new LocalBackend(tmp.resolve("repo")), PASSWORD.getBytes(StandardCharsets.UTF_8),
                version, Polynomial.randomIrreducible(new java.security.SecureRandom()).value(),
                Repository.KdfParams.TESTING);
    }

    static BackupSummary backup(Repository repo, BackupOptions options) {
        try (RepositoryWriter writer = new RepositoryWriter(repo, WriterOptions.defaults())) {
            return new Archiver(repo, writer, options, BackupListener.NONE).run();
        }
    }

    /** The source lives apart from the repository and outputs, so that its parent folders do not change. */
    @TempDir
    Path data;

    @Test
    void resticChecksRestoresAndDeduplicatesWhatHygieWrote() throws Exception {
        Path src = SourceTrees.everyKind(data.resolve("src"));
        BackupSummary first;
        try (Repository repo = init(2)) {
            first = backup(repo, BackupOptions.of(List.of(src)).withTags(List.of("nuit")));
        }
        assertEquals(List.of(), first.warnings());
        assertTrue(first.filesNew() > 20, first.toString());
        Restic restic = new Restic(tmp.resolve("repo"), PASSWORD);

        // Same chunker, same trees, to the byte: restic stores no new data, and the tree of the source folder is
        // the very same blob. (Only the folders above it may differ: /tmp changes while tests run.)
        JsonNode summary = lastJsonLine(restic.ok("backup", "--json", src.toString()).out());
        assertEquals(0, summary.get("data_blobs").asLong(), summary.toString());
        assertTrue(summary.get("tree_blobs").asLong() <= src.getNameCount() - 1, summary.toString());
        String resticSnapshot = summary.get("snapshot_id").asText();
        try (Repository repo = Repository.open(new LocalBackend(tmp.resolve("repo")),
                PASSWORD.getBytes(StandardCharsets.UTF_8))) {
            TreeLoader trees = new TreeLoader(repo);
            assertEquals(SnapshotPath.directory(trees, Id.parse(repo.loadSnapshot(first.snapshot()).tree()),
                    src.toString()), SnapshotPath.directory(trees, Id.parse(repo.loadSnapshot(
                    repo.resolveSnapshot(resticSnapshot)).tree()), src.toString()));
        }

        restic.ok("check", "--read-data");
        Path byRestic = tmp.resolve("by-restic");
        restic.ok("restore", first.snapshot().hex(), "--target", byRestic.toString());
        TreeAssert.assertSameTree(src, byRestic.resolve(src.toString().substring(1)));
    }

    @Test
    void hygieRestoresItsOwnBackupAndRestoresWhatResticAddedLater() throws Exception {
        Path src = SourceTrees.everyKind(tmp.resolve("src"));
        try (Repository repo = init(2)) {
            backup(repo, BackupOptions.of(List.of(src)));
        }
        Files.writeString(src.resolve("docs/ajout.txt"), "ajouté après");
        new Restic(tmp.resolve("repo"), PASSWORD).ok("backup", src.toString());
        try (Repository repo = Repository.open(new LocalBackend(tmp.resolve("repo")),
                PASSWORD.getBytes(StandardCharsets.UTF_8))) {
            Id tree = Id.parse(repo.loadSnapshot(repo.resolveSnapshot("latest")).tree());
            Path target = tmp.resolve("target");
            assertEquals(List.of(), new Restorer(repo, RestoreOptions.to(target), RestoreListener.NONE).restore(tree)
                    .problems());
            TreeAssert.assertSameTree(src, target.resolve(src.toString().substring(1)));
        }
    }

    @Test
    void aVersion1RepositoryGetsUncompressedDataResticAccepts() throws Exception {
        Path src = SourceTrees.everyKind(tmp.resolve("src"));
        try (Repository repo = init(1)) {
            backup(repo, BackupOptions.of(List.of(src)));
        }
        new Restic(tmp.resolve("repo"), PASSWORD).ok("check", "--read-data");
    }

    @Test
    void theParentSnapshotSparesReadingUnchangedFiles() throws Exception {
        Path src = SourceTrees.everyKind(tmp.resolve("src"));
        try (Repository repo = init(2)) {
            BackupSummary first = backup(repo, BackupOptions.of(List.of(src)));
            assertNull(first.parent());
            BackupSummary second = backup(repo, BackupOptions.of(List.of(src)));
            assertEquals(first.snapshot(), second.parent());
            assertEquals(0, second.filesNew() + second.filesChanged(), second.toString());
            assertEquals(first.filesNew(), second.filesUnmodified());
            assertEquals(0, second.dataBlobs(), second.toString());

            Files.writeString(src.resolve("docs/lettre.txt"), "changée");
            Files.writeString(src.resolve("docs/nouvelle.txt"), "nouvelle");
            BackupSummary third = backup(repo, BackupOptions.of(List.of(src)));
            // lettre.txt and its hard-link partner (same inode: new size, new ctime)
            assertEquals(2, third.filesChanged(), third.toString());
            assertEquals(1, third.filesNew(), third.toString());
            assertEquals(first.filesNew() - 2, third.filesUnmodified(), third.toString());

            BackupSummary forced = backup(repo, BackupOptions.of(List.of(src)).withParent(null, true));
            assertNull(forced.parent());
            assertEquals(0, forced.dataBlobs(), "everything read again, nothing new stored: " + forced);
        }
        new Restic(tmp.resolve("repo"), PASSWORD).ok("check", "--read-data");
    }

    @Test
    void excludesCachesAndSocketsAreLeftOut() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("keep.txt"), "keep");
        Files.writeString(src.resolve("skip.tmp"), "skip");
        Path cache = Files.createDirectories(src.resolve("cache"));
        Files.writeString(cache.resolve("CACHEDIR.TAG"), Excluder.CACHEDIR_SIGNATURE + "\n");
        Files.writeString(cache.resolve("blob"), "cached");
        Path sub = Files.createDirectories(src.resolve("sub/tmpdir"));
        Files.writeString(sub.resolve("x"), "x");
        try (Repository repo = init(2)) {
            BackupSummary s = backup(repo, BackupOptions.of(List.of(src))
                    .withExcludes(List.of("*.tmp", "tmpdir"), true, false));
            assertEquals(List.of(), s.warnings());
            Id tree = Id.parse(repo.loadSnapshot(s.snapshot()).tree());
            Path target = tmp.resolve("target");
            new Restorer(repo, RestoreOptions.to(target), RestoreListener.NONE).restore(tree);
            Path restored = target.resolve(src.toString().substring(1));
            assertEquals(List.of("", "cache", "cache/CACHEDIR.TAG", "keep.txt", "sub"), TreeAssert.names(restored));
            org.hygie.repository.snapshot.Snapshot snap = repo.loadSnapshot(s.snapshot());
            assertEquals(List.of("*.tmp", "tmpdir"), snap.excludes());
        }
    }

    @Test
    void aFileChangingWhileReadIsReported() throws Exception {
        Path src = Files.createDirectories(data.resolve("src"));
        Path growing = src.resolve("journal.db");
        Files.write(growing, SourceTrees.random(new java.util.Random(5), 48 * 1024 * 1024));
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread writer = new Thread(() -> {
            while (!stop.get()) {
                try {
                    Files.write(growing, new byte[4096], java.nio.file.StandardOpenOption.APPEND);
                    Thread.sleep(1);
                } catch (Exception e) {
                    return;
                }
            }
        });
        writer.start();
        BackupSummary s;
        try (Repository repo = init(2)) {
            s = backup(repo, BackupOptions.of(List.of(src)));
        } finally {
            stop.set(true);
            writer.join();
        }
        assertEquals(1, s.warnings().size(), s.warnings().toString());
        assertEquals(growing.toString(), s.warnings().get(0).path());
        assertTrue(s.warnings().get(0).message().contains("changed while being read"), s.warnings().toString());
        new Restic(tmp.resolve("repo"), PASSWORD).ok("check", "--read-data");
    }

    @Test
    void oneFileSystemKeepsTheMountPointButNotWhatIsMountedThere() throws Exception {
        Path src = Files.createDirectories(data.resolve("src"));
        Files.writeString(src.resolve("here.txt"), "ici");
        Path mnt = Files.createDirectories(src.resolve("mnt"));
        SourceTrees.sh("mount", "-t", "tmpfs", "-o", "size=1m", "hygie-test", mnt.toString());
        try {
            Files.writeString(mnt.resolve("elsewhere.txt"), "ailleurs");
            try (Repository repo = init(2)) {
                BackupSummary s = backup(repo, BackupOptions.of(List.of(src)).withExcludes(List.of(), false, true));
                Path target = tmp.resolve("target");
                new Restorer(repo, RestoreOptions.to(target), RestoreListener.NONE).restore(
                        Id.parse(repo.loadSnapshot(s.snapshot()).tree()));
                assertEquals(List.of("", "here.txt", "mnt"), TreeAssert.names(target.resolve(src.toString()
                        .substring(1))));
                BackupSummary all = backup(repo, BackupOptions.of(List.of(src)));
                assertEquals(2, all.filesNew() + all.filesUnmodified(), "without the option both files: " + all);
            }
        } finally {
            SourceTrees.sh("umount", mnt.toString());
        }
    }

    @Test
    void aMissingTargetWritesNothing() throws Exception {
        try (Repository repo = init(2)) {
            org.junit.jupiter.api.Assertions.assertThrows(SourceException.class,
                    () -> backup(repo, BackupOptions.of(List.of(tmp.resolve("absent")))));
            assertEquals(0, repo.list(org.hygie.repository.backend.FileType.SNAPSHOT).size());
            assertEquals(0, repo.list(org.hygie.repository.backend.FileType.PACK).size());
        }
    }

    private static JsonNode lastJsonLine(String out) throws Exception {
        String[] lines = out.strip().split("\n");
        return Json.MAPPER.readTree(lines[lines.length - 1]);
    }

}
