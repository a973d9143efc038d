package org.hygie.practice.drill;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hygie.backup.restore.RestoreOptions;
import org.hygie.backup.restore.RestoreResult;
import org.hygie.backup.restore.Restorer;
import org.hygie.backup.walk.TreeLoader;
import org.hygie.repository.Repository;
import org.hygie.repository.chunker.Chunk;
import org.hygie.repository.chunker.Chunker;
import org.hygie.repository.chunker.Polynomial;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.id.Id;
import org.hygie.repository.tree.Node;
import org.hygie.repository.tree.NodeType;
import org.hygie.repository.tree.Tree;

/**
 * A restore drill: restores a random sample of files (or, once in a while, a whole snapshot) from the latest
 * snapshot of each source into a temporary folder, with the real restore code, and proves each file right
 * independently of it: its size, and the content-defined chunks of the restored bytes cut again with the
 * repository's polynomial and hashed, which must give exactly the blob ids the snapshot lists. The temporary
 * folder is removed afterwards; the proof stays.
 */
public final class Drill {
    private static final String GLOB = "*?[]\\";

    private final Repository repo;
    private final Random random;
    private final Path tempRoot;

    public Drill(Repository repo, Random random, Path tempRoot) {
        this.repo = repo;
        this.random = random;
        this.tempRoot = tempRoot;
    }

    /** One file checked: where it is in the snapshot, its size, its chunks, and whether it came back intact. */
    public record FileProof(String path, long size, int chunks, boolean ok, String detail) {
    }

    /** The proof for one snapshot. */
    public record SnapshotProof(String snapshot, String time, List<String> paths, boolean whole, List<FileProof> files,
            List<String> problems) {
        public boolean ok() {
            return problems.isEmpty() && files.stream().allMatch(FileProof::ok);
        }
    }

    /** The whole drill on one medium. */
    public record Proof(List<SnapshotProof> snapshots, long bytes, long millis) {
        public boolean ok() {
            return !snapshots.isEmpty() && snapshots.stream().allMatch(SnapshotProof::ok);
        }

        public int filesChecked() {
            return snapshots.stream().mapToInt(s -> s.files().size()).sum();
        }

        public int filesOk() {
            return (int) snapshots.stream().flatMap(s -> s.files().stream()).filter(FileProof::ok).count();
        }
    }

    /**
     * @param filesPerSnapshot how many files to sample from each source's latest snapshot
     * @param whole            restore every file of those snapshots instead of a sample
     */
    public Proof run(int filesPerSnapshot, boolean whole) throws IOException {
        long start = System.nanoTime();
        Map<List<String>, Repository.SnapshotEntry> latest = new LinkedHashMap<>();
        for (Repository.SnapshotEntry e : repo.snapshots(x -> { })) {
            latest.put(e.snapshot().paths(), e); // oldest first: the last one per paths wins
        }
        List<SnapshotProof> proofs = new ArrayList<>();
        long bytes = 0;
        for (Repository.SnapshotEntry e : latest.values()) {
            SnapshotProof p = drill(e, filesPerSnapshot, whole);
            proofs.add(p);
            bytes += p.files().stream().filter(FileProof::ok).mapToLong(FileProof::size).sum();
        }
        return new Proof(proofs, bytes, (System.nanoTime() - start) / 1_000_000);
    }

    private record Candidate(String path, Node node) {
    }

    private SnapshotProof drill(Repository.SnapshotEntry e, int k, boolean whole) throws IOException {
        TreeLoader trees = new TreeLoader(repo);
        List<Candidate> sample = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        long[] seen = {0};
        try {
            walk(trees, Id.parse(e.snapshot().tree()), "", sample, seen, whole ? Integer.MAX_VALUE : k);
        } catch (RepositoryException ex) {
            problems.add("cannot read the snapshot's folders: " + ex.getMessage());
        }
        String sid = e.id().shortHex();
        if (sample.isEmpty() && problems.isEmpty()) {
            problems.add("no file to restore in snapshot " + sid);
        }
        List<FileProof> files = new ArrayList<>();
        if (!sample.isEmpty()) {
            Path target = Files.createTempDirectory(tempRoot, "hygie-drill-");
            try {
                RestoreOptions options = RestoreOptions.to(target);
                if (!whole) {
                    options = options.withIncludes(sample.stream().map(Candidate::path).toList());
                }
                RestoreResult rr = new Restorer(repo, options, org.hygie.backup.restore.RestoreListener.NONE)
                        .restore(Id.parse(e.snapshot().tree()));
                for (RestoreResult.Problem p : rr.problems()) {
                    problems.add(p.path() + ": " + p.message());
                }
                Chunker chunker = new Chunker(Polynomial.of(repo.config().polynomial()));
                for (Candidate c : sample) {
                    files.add(prove(chunker, target.resolve(c.path().substring(1)), c));
                }
            } catch (RepositoryException ex) {
                problems.add("restore failed: " + ex.getMessage());
            } finally {
                deleteTree(target);
            }
        }
        return new SnapshotProof(e.id().hex(), e.snapshot().time(), e.snapshot().paths(), whole, files, problems);
    }

    /** Reservoir sampling of files (names a restore pattern can name exactly), {@code k} of them. */
    private void walk(TreeLoader trees, Id treeId, String at, List<Candidate> sample, long[] seen, int k) {
        Tree t = trees.load(treeId);
        for (Node n : t.nodes()) {
            String name = n.nameString();
            String path = at + "/" + name;
            if (n.type() == NodeType.DIR && n.subtree() != null) {
                walk(trees, n.subtree(), path, sample, seen, k);
            } else if (n.type() == NodeType.FILE && nameable(name)) {
                seen[0]++;
                if (sample.size() < k) {
                    sample.add(new Candidate(path, n));
                } else {
                    long j = (long) (random.nextDouble() * seen[0]);
                    if (j < k) {
                        sample.set((int) j, new Candidate(path, n));
                    }
                }
            }
        }
    }

    private static boolean nameable(String name) {
        return !name.isEmpty() && name.equals(name.strip()) && name.chars().noneMatch(c -> GLOB.indexOf(c) >= 0)
                && !name.contains("\n");
    }

    /** Checks a restored file against the snapshot: size, then the blob ids of its re-chunked bytes. */
    static FileProof prove(Chunker chunker, Path restored, Candidate c) {
        Node n = c.node();
        if (!Files.isRegularFile(restored, LinkOption.NOFOLLOW_LINKS)) {
            return new FileProof(c.path(), n.size(), n.content().size(), false, "not restored");
        }
        try {
            long size = Files.size(restored);
            if (size != n.size()) {
                return new FileProof(c.path(), n.size(), n.content().size(), false, "size " + size + " instead of "
                        + n.size());
            }
            List<Id> ids = new ArrayList<>();
            try (InputStream in = Files.newInputStream(restored)) {
                chunker.reset(in);
                Chunk ch;
                while ((ch = chunker.next()) != null) {
                    ids.add(Id.hash(ch.data()));
                }
            }
            if (!ids.equals(n.content())) {
                return new FileProof(c.path(), n.size(), n.content().size(), false, "content differs from the snapshot");
            }
            return new FileProof(c.path(), n.size(), ids.size(), true, null);
        } catch (IOException ex) {
            return new FileProof(c.path(), n.size(), n.content().size(), false, "cannot read back: " + ex.getMessage());
        }
    }

    static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    dir.toFile().setWritable(true);
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a temporary folder left behind is harmless; the proof is what matters
        }
    }
}
