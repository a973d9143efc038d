package org.hygie.backup.prune;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.hygie.backup.archiver.Archiver;
import org.hygie.backup.archiver.BackupListener;
import org.hygie.backup.archiver.BackupOptions;
import org.hygie.backup.restore.RestoreListener;
import org.hygie.backup.restore.RestoreOptions;
import org.hygie.backup.restore.RestoreResult;
import org.hygie.backup.restore.Restorer;
import org.hygie.backup.testing.SourceTrees;
import org.hygie.backup.testing.TreeAssert;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.LocalBackend;
import org.hygie.repository.id.Id;
import org.hygie.repository.write.RepositoryWriter;
import org.hygie.repository.write.WriterOptions;

/**
 * A repository holding several generations of one folder (files deleted, changed and added between them), with a
 * copy of the folder as each snapshot saw it, so that a test can forget some, prune, and prove that the others still
 * restore identical. 4 MiB packs, so that a few tens of MiB make many packs.
 */
final class Generations {
    static final String PASSWORD = "élaguer";
    static final WriterOptions WRITER = WriterOptions.defaults().withPackSizeMiB(4).withThreads(2);

    final Path repo;
    final Path source;
    final List<Id> snapshots = new ArrayList<>();
    final List<Path> expected = new ArrayList<>();

    private Generations(Path repo, Path source) {
        this.repo = repo;
        this.source = source;
    }

    /** Backs up {@code count} generations of a folder under {@code dir} into {@code dir/repo} (version 2). */
    static Generations make(Path dir, int count, long seed) throws IOException, InterruptedException {
        Generations g = new Generations(dir.resolve("repo"), Files.createDirectories(dir.resolve("cabinet")));
        Random rnd = new Random(seed);
        try (Repository r = Repository.init(new LocalBackend(g.repo), PASSWORD.getBytes(StandardCharsets.UTF_8), 2,
                0x3DA3358B4DC173L, Repository.KdfParams.TESTING)) {
            for (int i = 0; i < 24; i++) {
                write(g.source, "dossier-" + i + ".bin", rnd, 40_000 + rnd.nextInt(1_400_000));
            }
            for (int i = 0; i < 3; i++) {
                write(g.source, "scan-" + i + ".bin", rnd, 2_500_000 + rnd.nextInt(1_000_000));
            }
            Files.writeString(g.source.resolve("lettres.txt"), "Cher confrère,\n".repeat(40_000));
            for (int gen = 0; gen < count; gen++) {
                if (gen > 0) {
                    change(g.source, rnd, gen);
                }
                try (RepositoryWriter w = new RepositoryWriter(r, WRITER)) {
                    g.snapshots.add(new Archiver(r, w, BackupOptions.of(List.of(g.source)), BackupListener.NONE)
                            .run().snapshot());
                }
                Path copy = dir.resolve("expected-" + gen);
                SourceTrees.sh("cp", "-a", g.source.toString(), copy.toString());
                g.expected.add(copy);
            }
        }
        return g;
    }

    private static void write(Path dir, String name, Random rnd, int size) throws IOException {
        Files.write(dir.resolve(name), SourceTrees.random(rnd, size));
    }

    /** Deletes four files, rewrites four, adds four. */
    private static void change(Path dir, Random rnd, int gen) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(".bin")).sorted().toList());
        }
        for (int i = 0; i < 4 && !files.isEmpty(); i++) {
            Files.delete(files.remove(rnd.nextInt(files.size())));
        }
        for (int i = 0; i < 4 && !files.isEmpty(); i++) {
            Path f = files.get(rnd.nextInt(files.size()));
            write(dir, f.getFileName().toString(), rnd, 40_000 + rnd.nextInt(1_400_000));
        }
        for (int i = 0; i < 4; i++) {
            write(dir, "nouveau-" + gen + "-" + i + ".bin", rnd, 40_000 + rnd.nextInt(1_400_000));
        }
    }

    /** A copy of the repository folder, for a test to damage or prune. */
    Path copyRepo(Path to) throws IOException, InterruptedException {
        SourceTrees.sh("cp", "-a", repo.toString(), to.toString());
        return to;
    }

    static Repository open(Path repoDir) {
        return open(new LocalBackend(repoDir));
    }

    static Repository open(Backend backend) {
        return Repository.open(backend, PASSWORD.getBytes(StandardCharsets.UTF_8));
    }

    /** Restores generation {@code gen} from the repository at {@code repoDir} with Hygie and compares. */
    void assertRestoresIdentical(Path repoDir, int gen, Path target) throws IOException {
        try (Repository r = open(repoDir)) {
            Id tree = Id.parse(r.loadSnapshot(snapshots.get(gen)).tree());
            RestoreResult res = new Restorer(r, RestoreOptions.to(target), RestoreListener.NONE).restore(tree);
            if (!res.complete()) {
                throw new AssertionError("generation " + gen + " did not restore: " + res.problems());
            }
        }
        TreeAssert.assertSameTree(expected.get(gen), target.resolve(source.toString().substring(1)));
    }

    /** Total bytes of the pack files. */
    static long packBytes(Path repoDir) throws IOException {
        try (Stream<Path> s = Files.walk(repoDir.resolve("data"))) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
