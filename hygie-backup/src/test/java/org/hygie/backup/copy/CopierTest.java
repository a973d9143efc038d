package org.hygie.backup.copy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hygie.backup.archiver.Archiver;
import org.hygie.backup.archiver.BackupListener;
import org.hygie.backup.archiver.BackupOptions;
import org.hygie.backup.forget.SnapshotFilter;
import org.hygie.backup.prune.AppendOnlyBackend;
import org.hygie.backup.testing.SourceTrees;
import org.hygie.backup.testing.TreeAssert;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.backend.LocalBackend;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.id.Id;
import org.hygie.repository.pack.BlobType;
import org.hygie.repository.snapshot.Snapshot;
import org.hygie.repository.testing.Fixtures;
import org.hygie.repository.testing.Restic;
import org.hygie.repository.write.RepositoryWriter;
import org.hygie.repository.write.WriterOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hygie copies between repositories with different keys and chunkers; restic checks, restores and agrees. */
class CopierTest {
    static final String FROM = "source du cabinet";
    static final String TO = "disque B";
    static final long POLY_A = 0x3DA3358B4DC173L;
    static final long POLY_B = org.hygie.repository.chunker.Polynomial.randomIrreducible(
            new java.security.SecureRandom()).value();

    @TempDir
    static Path shared;
    static Path source;
    static Path data;
    static final List<Id> snapshots = new ArrayList<>();
    static final List<Path> expected = new ArrayList<>();

    @TempDir
    Path tmp;

    /** Three backups of a folder holding every kind of entry, two hosts, in repository A. */
    @BeforeAll
    static void backups() throws Exception {
        source = shared.resolve("a");
        data = SourceTrees.everyKind(shared.resolve("src"));
        try (Repository a = Repository.init(new LocalBackend(source), FROM.getBytes(StandardCharsets.UTF_8), 2,
                POLY_A, Repository.KdfParams.TESTING)) {
            for (int gen = 0; gen < 3; gen++) {
                if (gen > 0) {
                    Files.write(data.resolve("nouveau-" + gen + ".bin"), SourceTrees.random(new java.util.Random(gen),
                            2_000_000));
                }
                try (RepositoryWriter w = new RepositoryWriter(a, WriterOptions.defaults().withThreads(2))) {
                    BackupOptions o = BackupOptions.of(List.of(data)).withTags(List.of("nuit"))
                            .withHost(gen == 2 ? "secretariat" : "cabinet");
                    snapshots.add(new Archiver(a, w, o, BackupListener.NONE).run().snapshot());
                }
                Path copy = shared.resolve("expected-" + gen);
                SourceTrees.sh("cp", "-a", data.toString(), copy.toString());
                expected.add(copy);
            }
        }
    }

    static Repository init(Path dir, int version, long polynomial) {
        return Repository.init(new LocalBackend(dir), TO.getBytes(StandardCharsets.UTF_8), version, polynomial,
                Repository.KdfParams.TESTING);
    }

    static Repository openA() {
        return Repository.open(new LocalBackend(source), FROM.getBytes(StandardCharsets.UTF_8));
    }

    static CopyResult copy(Path to, CopyOptions o) {
        try (Repository a = openA(); Repository b = Repository.open(new LocalBackend(to),
                TO.getBytes(StandardCharsets.UTF_8))) {
            return new Copier(a, b, o).run(CopyListener.NONE);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void copies_every_snapshot_restic_checks_and_restores_them_and_a_second_copy_adds_nothing() throws Exception {
        Path b = tmp.resolve("b");
        init(b, 2, POLY_B).close();
        CopyResult first = copy(b, CopyOptions.all());
        assertEquals(3, first.copied().size());
        assertTrue(first.dataBlobs() > 0 && first.treeBlobs() > 0, first.toString());
        Restic restic = new Restic(b, TO);
        restic.ok("check", "--read-data");
        try (Repository rb = Repository.open(new LocalBackend(b), TO.getBytes(StandardCharsets.UTF_8));
                Repository ra = openA()) {
            for (int i = 0; i < 3; i++) {
                CopyResult.Copied c = first.copied().get(i);
                assertEquals(snapshots.get(i), c.source());
                Snapshot from = ra.loadSnapshot(c.source());
                Snapshot to = rb.loadSnapshot(c.copy());
                assertEquals(c.source().hex(), to.original());
                assertNull(to.parent());
                assertEquals(from.tree(), to.tree(), "trees copied as bytes: same ids");
                assertEquals(List.of(from.time(), from.paths(), from.hostname(), from.tags()),
                        List.of(to.time(), to.paths(), to.hostname(), to.tags()));
                Id root = Id.parse(from.tree());
                assertArrayEquals(ra.loadBlob(BlobType.TREE, root), rb.loadBlob(BlobType.TREE, root));
            }
        }
        for (int i = 0; i < 3; i++) {
            Path target = tmp.resolve("restore-" + i);
            restic.ok("restore", first.copied().get(i).copy().hex(), "--target", target.toString());
            TreeAssert.assertSameTree(expected.get(i), target.resolve(data.toString().substring(1)));
        }

        List<String> before = listing(b);
        CopyResult second = copy(b, CopyOptions.all());
        assertEquals(List.of(), second.copied());
        assertEquals(3, second.skipped().size());
        assertEquals(0, second.dataBlobs() + second.treeBlobs());
        assertEquals(before, listing(b), "nothing written the second time");

        // restic recognises Hygie's copies as copies too
        Restic.Result again = restic.ok("copy", "--from-repo", source.toString(), "--from-password-file",
                passwordFile(FROM).toString());
        assertEquals(3, count(again.out(), "skipping source snapshot"), again.out());
        assertEquals(before.stream().filter(s -> s.startsWith("snapshots/")).count(),
                listing(b).stream().filter(s -> s.startsWith("snapshots/")).count());
    }

    @Test
    void copies_the_same_snapshots_restic_copies_and_each_skips_the_other_s_copies() throws Exception {
        Path byRestic = tmp.resolve("by-restic");
        Path byHygie = tmp.resolve("by-hygie");
        Restic c = new Restic(byRestic, TO);
        c.ok("init");
        init(byHygie, 2, POLY_B).close();
        c.ok("copy", "--from-repo", source.toString(), "--from-password-file", passwordFile(FROM).toString());
        copy(byHygie, CopyOptions.all());
        // the same snapshot JSON, byte for byte (ids differ: they hash the encrypted file); the same blobs
        assertEquals(snapshotJson(byRestic), snapshotJson(byHygie));
        assertEquals(blobs(byRestic), blobs(byHygie));
        // Hygie finds restic's copies already there
        CopyResult none = copy(byRestic, CopyOptions.all());
        assertEquals(0, none.copied().size());
        assertEquals(3, none.skipped().size());
        new Restic(byHygie, TO).ok("check", "--read-data");
    }

    @Test
    void filters_named_snapshots_and_a_version_1_destination() throws Exception {
        Path v1 = tmp.resolve("v1");
        init(v1, 1, POLY_A).close();
        CopyResult host = copy(v1, CopyOptions.all().withFilter(new SnapshotFilter(List.of("secretariat"), List.of(),
                List.of())));
        assertEquals(List.of(snapshots.get(2)), host.copied().stream().map(CopyResult.Copied::source).toList());
        CopyResult named = copy(v1, CopyOptions.all().withSnapshots(List.of(snapshots.get(0).hex().substring(0, 10),
                "latest")));
        assertEquals(List.of(snapshots.get(0)), named.copied().stream().map(CopyResult.Copied::source).toList());
        assertEquals(List.of(snapshots.get(2)), named.skipped().stream().map(CopyResult.Skipped::source).toList());
        new Restic(v1, TO).ok("check", "--read-data");
        RepositoryException e = assertThrows(RepositoryException.class, () -> copy(v1, CopyOptions.all()
                .withSnapshots(List.of("0000000"))));
        assertEquals(Problem.NOT_FOUND, e.problem());
    }

    @Test
    void works_on_append_only_storage() throws Exception {
        Path b = tmp.resolve("b");
        init(b, 2, POLY_B).close();
        try (Repository a = openA(); Repository rb = Repository.open(new AppendOnlyBackend(new LocalBackend(b)),
                TO.getBytes(StandardCharsets.UTF_8))) {
            assertEquals(3, new Copier(a, rb, CopyOptions.all()).run(CopyListener.NONE).copied().size());
        }
        new Restic(b, TO).ok("check", "--read-data");
    }

    @Test
    void copies_restic_s_own_version_1_fixture_with_mixed_packs_into_version_2() throws Exception {
        Path fixture = Fixtures.unpack("small-repo.tar.gz", tmp);
        Path b = tmp.resolve("b");
        init(b, 2, POLY_B).close();
        try (Repository a = Repository.open(new LocalBackend(fixture), Fixtures.PASSWORD.getBytes(
                StandardCharsets.UTF_8)); Repository rb = Repository.open(new LocalBackend(b),
                        TO.getBytes(StandardCharsets.UTF_8))) {
            CopyResult r = new Copier(a, rb, CopyOptions.all()).run(CopyListener.NONE);
            assertEquals(a.list(FileType.SNAPSHOT).size(), r.copied().size());
        }
        Restic rb = new Restic(b, TO);
        rb.ok("check", "--read-data");
        Path fromFixture = tmp.resolve("from-fixture");
        Path fromCopy = tmp.resolve("from-copy");
        new Restic(fixture, Fixtures.PASSWORD).ok("restore", "latest", "--target", fromFixture.toString());
        rb.ok("restore", "latest", "--target", fromCopy.toString());
        List<String> top;
        try (Stream<Path> s = Files.list(fromFixture)) {
            top = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertTrue(!top.isEmpty());
        for (String name : top) {
            TreeAssert.assertSameTree(fromFixture.resolve(name), fromCopy.resolve(name));
        }
    }

    static Path passwordFile(String password) throws java.io.IOException {
        Path f = Files.createTempFile("hygie-pw", "");
        Files.writeString(f, password);
        f.toFile().deleteOnExit();
        return f;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    static List<String> listing(Path dir) throws java.io.IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
                    .filter(p -> !p.startsWith("locks/")).sorted().toList();
        }
    }

    private static Set<String> snapshotJson(Path dir) throws java.io.IOException {
        try (Repository r = Repository.open(new LocalBackend(dir), TO.getBytes(StandardCharsets.UTF_8))) {
            Set<String> out = new HashSet<>();
            for (Id i : r.list(FileType.SNAPSHOT)) {
                out.add(new String(r.loadUnpacked(FileType.SNAPSHOT, i), StandardCharsets.UTF_8));
            }
            return out;
        }
    }

    private static Set<String> blobs(Path dir) throws java.io.IOException {
        try (Repository r = Repository.open(new LocalBackend(dir), TO.getBytes(StandardCharsets.UTF_8))) {
            Set<String> out = new HashSet<>();
            for (Id i : r.list(FileType.INDEX)) {
                for (var p : org.hygie.repository.index.IndexFiles.parse(r.loadUnpacked(FileType.INDEX, i))) {
                    p.entries().forEach(e -> out.add(e.type().json() + " " + e.id()));
                }
            }
            return out;
        }
    }
}
