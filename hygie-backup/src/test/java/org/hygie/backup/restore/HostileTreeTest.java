package org.hygie.backup.restore;

import static org.hygie.backup.testing.HandmadeRepo.dir;
import static org.hygie.backup.testing.HandmadeRepo.file;
import static org.hygie.backup.testing.HandmadeRepo.nodes;
import static org.hygie.backup.testing.HandmadeRepo.symlink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hygie.backup.testing.HandmadeRepo;
import org.hygie.backup.testing.TreeAssert;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.LocalBackend;
import org.hygie.repository.id.Id;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A repository whose trees try to write outside the restore target: nothing may land outside. */
class HostileTreeTest {
    @TempDir
    Path tmp;
    Path outside;
    Path target;
    Repository repo;
    HandmadeRepo make;

    @BeforeEach
    void setUp() throws Exception {
        repo = Repository.init(new LocalBackend(tmp.resolve("repo")), "pw".getBytes(StandardCharsets.UTF_8), 2,
                0x3DA3358B4DC173L, Repository.KdfParams.TESTING);
        make = new HandmadeRepo(repo);
        outside = Files.createDirectories(tmp.resolve("outside"));
        target = tmp.resolve("target");
    }

    private RestoreResult restore(Id tree, boolean overwrite) throws Exception {
        return new Restorer(repo, RestoreOptions.to(target).withOverwrite(overwrite), RestoreListener.NONE)
                .restore(tree);
    }

    @Test
    void dotDotAndSlashesInNamesAreRefused() throws Exception {
        Id evil = make.data("pwned");
        Id inner = make.tree(nodes(file("evil", evil)));
        // names as Go-quoted JSON strings: "..", "../outside/x", "/abs", "a/b", "", "."
        Id root = make.tree(nodes(file("", evil), file(".", evil), dir("..", inner), file("../outside/x", evil),
                file("/abs", evil), file("a/b", evil), file("ok", evil)));
        RestoreResult r = restore(root, false);
        assertEquals(6, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().stream().allMatch(p -> p.reason() == RestoreResult.Reason.UNSAFE_NAME),
                r.problems().toString());
        assertEquals(List.of("ok"), TreeAssert.names(target).stream().filter(s -> !s.isEmpty()).toList());
        assertEquals(List.of(""), TreeAssert.names(outside));
        assertFalse(Files.exists(tmp.resolve("evil")));
        assertFalse(Files.exists(Path.of("/abs")));
    }

    @Test
    void aFolderIsNeverEnteredThroughALink() throws Exception {
        Id evil = make.data("pwned");
        Id inner = make.tree(nodes(file("pwned", evil)));
        // a symlink "door" to the outside, then a folder of the same name: restic's sorted trees never hold this
        Id root = make.tree(nodes(symlink("door", outside.toString()), dir("door", inner)));
        RestoreResult r = restore(root, true);
        assertEquals(1, r.problems().size(), r.problems().toString());
        assertEquals(RestoreResult.Reason.NOT_A_FOLDER, r.problems().get(0).reason());
        assertTrue(Files.isSymbolicLink(target.resolve("door")));
        assertEquals(List.of(""), TreeAssert.names(outside));
    }

    @Test
    void aFileIsNeverWrittenThroughALink() throws Exception {
        Id evil = make.data("pwned");
        Files.writeString(outside.resolve("victim"), "precious");
        Id root = make.tree(nodes(symlink("door", outside.resolve("victim").toString()), file("door", evil)));
        RestoreResult r = restore(root, false);
        assertEquals(1, r.problems().size(), r.problems().toString());
        assertEquals(RestoreResult.Reason.EXISTS, r.problems().get(0).reason());
        assertEquals("precious", Files.readString(outside.resolve("victim")));
        // with --overwrite the link itself is replaced by the file, the victim is untouched
        Files.delete(target.resolve("door"));
        RestoreResult r2 = restore(root, true);
        assertEquals(List.of(), r2.problems());
        assertEquals("pwned", Files.readString(target.resolve("door")));
        assertFalse(Files.isSymbolicLink(target.resolve("door")));
        assertEquals("precious", Files.readString(outside.resolve("victim")));
    }

    @Test
    void aTreeThatDoesNotParseIsReportedNotFatal() throws Exception {
        Id broken = make.tree("{\"nodes\":[{\"name\":\"x\",\"type\":\"file\",\"content\":[\"nothex\"]}]}\n");
        Id good = make.data("fine");
        Id root = make.tree(nodes(dir("broken", broken), file("good", good)));
        RestoreResult r = restore(root, false);
        assertEquals(1, r.problems().size(), r.problems().toString());
        assertEquals(RestoreResult.Reason.TREE_UNREADABLE, r.problems().get(0).reason());
        assertEquals("/broken", r.problems().get(0).path());
        assertEquals("fine", Files.readString(target.resolve("good")));
    }
}
