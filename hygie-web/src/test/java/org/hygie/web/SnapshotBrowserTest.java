package org.hygie.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hygie.backup.restore.RestoreListener;
import org.hygie.backup.restore.RestoreResult;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.LocalBackend;
import org.hygie.repository.id.Id;
import org.hygie.repository.tree.NodeType;
import org.hygie.web.restore.SnapshotBrowser;
import org.hygie.web.testing.PracticeRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Restore page asks of a real repository made by the Archiver. */
class SnapshotBrowserTest {
    @TempDir
    Path tmp;

    private Repository open(PracticeRepository p) {
        return Repository.open(new LocalBackend(p.repo), PracticeRepository.PASSWORD.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void listsSearchesDownloadsAndRestoresAFolderIdentical() throws Exception {
        PracticeRepository p = PracticeRepository.create(tmp);
        try (Repository r = open(p)) {
            List<Repository.SnapshotEntry> snaps = SnapshotBrowser.snapshots(r);
            assertEquals(1, snaps.size());
            Id root = SnapshotBrowser.root(r, p.snapshot);
            var entries = SnapshotBrowser.list(r, root, p.source.resolve("Patients").toString());
            assertEquals(NodeType.DIR, entries.get(0).type(), "folders first");
            assertEquals("Dupont Élise", entries.get(0).nameString());

            List<SnapshotBrowser.Hit> hits = SnapshotBrowser.search(r, root, "ORDONNANCE");
            assertEquals(1, hits.size());
            assertEquals(p.source.resolve("Patients/Dupont Élise/ordonnance.txt").toString(), hits.get(0).path());

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Path big = p.source.resolve("Patients/radiographie <genou> & \"face\".dcm");
            SnapshotBrowser.download(r, SnapshotBrowser.node(r, root, big.toString()).orElseThrow(), out);
            assertArrayEquals(Files.readAllBytes(big), out.toByteArray());

            Path target = tmp.resolve("ailleurs");
            String folder = p.source.resolve("Patients").toString();
            assertFalse(SnapshotBrowser.overOriginal(target, folder));
            RestoreResult res = SnapshotBrowser.restore(r, root, folder, target, false, RestoreListener.NONE);
            assertTrue(res.complete(), res.problems().toString());
            assertEquals(3, res.files());
            try (Stream<Path> files = Files.walk(p.source.resolve("Patients"))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Path copy = target.resolve("Patients").resolve(p.source.resolve("Patients").relativize(f));
                    assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(copy), f.toString());
                }
            }
            // Only the folder asked for: nothing of its siblings.
            assertFalse(Files.exists(target.resolve("Comptabilité")));
            // A second restore into the same folder does not overwrite what is there.
            RestoreResult again = SnapshotBrowser.restore(r, root, folder, target, false, RestoreListener.NONE);
            assertFalse(again.complete());
        }
    }

    @Test
    void knowsWhenARestoreWouldLandOnTheOriginal() {
        assertTrue(SnapshotBrowser.overOriginal(Path.of("/home/cabinet/Documents"), "/home/cabinet/Documents/a.txt"));
        assertTrue(SnapshotBrowser.overOriginal(Path.of("/home/cabinet/./Documents/"), "/home/cabinet/Documents/a.txt"));
        assertTrue(SnapshotBrowser.overOriginal(Path.of("/home/cabinet"), "/home/cabinet/Documents"));
        assertFalse(SnapshotBrowser.overOriginal(Path.of("/home/cabinet/Restaurations"), "/home/cabinet/Documents/a.txt"));
        assertFalse(SnapshotBrowser.overOriginal(Path.of("/home/cabinet/Documents/a.txt"), "/home/cabinet/Documents/a.txt"));
        assertEquals(Path.of("/srv/x/a.txt"), SnapshotBrowser.destination(Path.of("/srv/x"), "/home/cabinet/a.txt"));
    }
}
