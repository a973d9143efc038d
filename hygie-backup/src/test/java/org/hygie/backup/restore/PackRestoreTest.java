package org.hygie.backup.restore;

import static org.hygie.backup.testing.HandmadeRepo.file;
import static org.hygie.backup.testing.HandmadeRepo.nodes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hygie.backup.testing.HandmadeRepo;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.backend.LocalBackend;
import org.hygie.repository.id.Id;
import org.hygie.repository.index.BlobLocation;
import org.hygie.repository.pack.BlobType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restoring pack by pack: shared and repeated blobs, holes, many files open at once, missing data. */
class PackRestoreTest {
    @TempDir
    Path tmp;
    Path target;
    Repository repo;
    HandmadeRepo make;

    @BeforeEach
    void setUp() {
        repo = Repository.init(new LocalBackend(tmp.resolve("repo")), "pw".getBytes(StandardCharsets.UTF_8), 2,
                0x3DA3358B4DC173L, Repository.KdfParams.TESTING);
        make = new HandmadeRepo(repo);
        target = tmp.resolve("target");
    }

    private RestoreResult restore(Id tree) throws Exception {
        return new Restorer(repo, RestoreOptions.to(target), RestoreListener.NONE).restore(tree);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * 150 files, each made of its own blob (one pack each) and one shared blob (in a pack of its own): the shared
     * pack opens every file before their own packs finish them, far past the cap on open files, so files are
     * closed partway and reopened.
     */
    @Test
    void manyFilesWaitingForOtherPacksAreClosedAndReopened() throws Exception {
        Id shared = make.data("-shared-tail-");
        List<String> files = new ArrayList<>();
        List<Id> own = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            Id mine = make.data("file " + i + " says hello ");
            own.add(mine);
            // the shared blob first in half of the files, last in the others
            files.add(i % 2 == 0 ? file("f" + i, shared, mine, shared) : file("f" + i, mine, shared));
        }
        RestoreResult r = restore(make.tree(nodes(files.toArray(String[]::new))));
        assertEquals(List.of(), r.problems());
        assertEquals(150, r.files());
        for (int i = 0; i < 150; i++) {
            String mine = "file " + i + " says hello ";
            String expected = i % 2 == 0 ? "-shared-tail-" + mine + "-shared-tail-" : mine + "-shared-tail-";
            assertEquals(expected, Files.readString(target.resolve("f" + i)), "f" + i);
        }
    }

    @Test
    void zeroBlocksBecomeHolesAndTheLengthIsRight() throws Exception {
        byte[] zeros = new byte[256 * 1024];
        List<Id> ids = make.pack(BlobType.DATA, List.of(zeros, utf8("middle")));
        Id z = ids.get(0);
        Id m = ids.get(1);
        RestoreResult r = restore(make.tree(nodes(file("sparse", z, m, z), file("zeros", z, z), file("empty"))));
        assertEquals(List.of(), r.problems());
        assertArrayEquals(concat(zeros, utf8("middle"), zeros), Files.readAllBytes(target.resolve("sparse")));
        assertArrayEquals(concat(zeros, zeros), Files.readAllBytes(target.resolve("zeros")));
        assertEquals(0, Files.size(target.resolve("empty")));
        assertEquals(2L * zeros.length + 6 + 2L * zeros.length, r.bytes());
    }

    @Test
    void aMissingPackSpoilsOnlyTheFilesThatNeedIt() throws Exception {
        Id good = make.data("good");
        Id lost = make.data("lost");
        Id tree = make.tree(nodes(file("a", good, lost, good), file("b", good), file("c", lost)));
        BlobLocation loc = repo.index().lookup(BlobType.DATA, lost); // the index is read once, with everything
        Files.delete(tmp.resolve("repo/data").resolve(loc.pack().hex().substring(0, 2)).resolve(loc.pack().hex()));
        RestoreResult r = restore(tree);
        assertEquals(2, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().stream().allMatch(p -> p.message().contains("does not exist")), r.problems().toString());
        assertEquals("good", Files.readString(target.resolve("b")));
        // what could be read is there, at its place
        byte[] a = Files.readAllBytes(target.resolve("a"));
        assertArrayEquals(utf8("good"), java.util.Arrays.copyOfRange(a, 0, 4));
        assertArrayEquals(utf8("good"), java.util.Arrays.copyOfRange(a, 8, 12));
        assertTrue(repo.backend().exists(FileType.PACK, repo.index().lookup(BlobType.DATA, good).pack().hex()));
    }

    @Test
    void aBlobNotInTheIndexIsReportedAndTheFileWrittenUpToIt() throws Exception {
        Id good = make.data("good");
        Id unknown = Id.hash(utf8("never stored"));
        RestoreResult r = restore(make.tree(nodes(file("a", good, unknown, good), file("b", good))));
        assertEquals(1, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().get(0).message().contains("not in the index"), r.problems().toString());
        assertEquals("good", Files.readString(target.resolve("a")));
        assertEquals("good", Files.readString(target.resolve("b")));
    }
}
