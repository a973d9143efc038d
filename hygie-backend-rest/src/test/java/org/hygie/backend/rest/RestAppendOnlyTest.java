package org.hygie.backend.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hygie.backend.rest.testing.RcloneServer;
import org.hygie.backup.archiver.BackupSummary;
import org.hygie.backup.testing.HygieFlows;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.backend.Locations;
import org.hygie.repository.id.Id;
import org.hygie.repository.testing.RemoteRestic;
import org.hygie.repository.testing.SampleTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rclone serve restic --append-only}: backups (which delete only their locks) work, every other deletion is
 * refused, and the backend finds out beforehand so that forget and prune need not start.
 */
class RestAppendOnlyTest {
    private static final String PASSWORD = "coffre-fort";

    @TempDir
    Path tmp;

    @Test
    void aNormalServerAllowsDeletionAnAppendOnlyOneDoesNot() throws Exception {
        try (RcloneServer normal = RcloneServer.start(tmp.resolve("normal"), false);
                Backend b = Locations.open(normal.location("repo"))) {
            b.create();
            assertTrue(b.deletionAllowed());
        }
        try (RcloneServer appendOnly = RcloneServer.start(tmp.resolve("append-only"), true);
                Backend b = Locations.open(appendOnly.location("repo"))) {
            b.create();
            assertFalse(b.deletionAllowed());
        }
    }

    @Test
    void backupsWorkAndOnlyLocksMayBeDeleted() throws Exception {
        Path src = SampleTree.write(tmp.resolve("cabinet"), 6, 7);
        try (RcloneServer server = RcloneServer.start(tmp.resolve("server"), true)) {
            BackupSummary first;
            try (Repository repo = HygieFlows.init(Locations.open(server.location("repo")), PASSWORD)) {
                first = HygieFlows.backup(repo, src);
                Files.writeString(src.resolve("courriers/nouveau.txt"), "ajouté");
                HygieFlows.backup(repo, src);
                assertEquals(2, repo.list(FileType.SNAPSHOT).size());
                assertEquals(List.of(), repo.list(FileType.LOCK), "the backups removed their locks");

                Backend b = repo.backend();
                AccessDeniedException refused = assertThrows(AccessDeniedException.class,
                        () -> b.delete(FileType.SNAPSHOT, first.snapshot().hex()));
                assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
                assertTrue(b.exists(FileType.SNAPSHOT, first.snapshot().hex()));
                byte[] lock = "{}".getBytes();
                b.save(FileType.LOCK, Id.hash(lock).hex(), lock);
                b.delete(FileType.LOCK, Id.hash(lock).hex());
                assertFalse(b.exists(FileType.LOCK, Id.hash(lock).hex()));
                // an existing file is never replaced
                String pack = b.list(FileType.PACK).get(0).name();
                assertThrows(java.nio.file.FileAlreadyExistsException.class,
                        () -> b.save(FileType.PACK, pack, new byte[10]));
            }
            // restic backs up there too, and finds the repository sound
            RemoteRestic restic = new RemoteRestic(server.location("repo"), PASSWORD, List.of(), Map.of());
            restic.ok("backup", src.toString());
            assertTrue(restic.ok("check", "--read-data").out().contains("no errors were found"));
        }
    }
}
