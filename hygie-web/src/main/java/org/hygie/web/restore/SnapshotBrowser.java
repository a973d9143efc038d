package org.hygie.web.restore;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hygie.backup.filter.PathPatterns;
import org.hygie.backup.restore.RestoreListener;
import org.hygie.backup.restore.RestoreOptions;
import org.hygie.backup.restore.RestoreResult;
import org.hygie.backup.restore.Restorer;
import org.hygie.backup.walk.SnapshotPath;
import org.hygie.backup.walk.TreeLoader;
import org.hygie.repository.Repository;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.id.Id;
import org.hygie.repository.lock.Locks;
import org.hygie.repository.lock.RepositoryLock;
import org.hygie.repository.pack.BlobType;
import org.hygie.repository.tree.Node;
import org.hygie.repository.tree.NodeType;
import org.hygie.repository.tree.Tree;

/**
 * What the Restore page does with a repository, through the backup layer: list snapshots, list a folder, find files
 * by name, stream one file, restore a file or a folder into a chosen folder.
 */
public final class SnapshotBrowser {
    /** The search stops after this many matches, or after visiting this many entries. */
    public static final int MAX_HITS = 200;
    static final int MAX_VISITED = 500_000;

    private SnapshotBrowser() {
    }

    /** The snapshots, newest first. */
    public static List<Repository.SnapshotEntry> snapshots(Repository repo) {
        List<Repository.SnapshotEntry> all = new ArrayList<>(repo.snapshots(e -> { }));
        all.sort(Comparator.comparing((Repository.SnapshotEntry e) -> e.snapshot().instant()).reversed());
        return all;
    }

    /** The root tree of a snapshot given by its full id. */
    public static Id root(Repository repo, String snapshotId) {
        if (!Id.isValid(snapshotId)) {
            throw new RepositoryException(Problem.NOT_FOUND, snapshotId, "no snapshot " + snapshotId);
        }
        return Id.parse(repo.loadSnapshot(Id.parse(snapshotId)).tree());
    }

    /** The entries of the folder at {@code path}, folders first, then by name. */
    public static List<Node> list(Repository repo, Id root, String path) {
        TreeLoader loader = new TreeLoader(repo);
        Tree t = loader.load(SnapshotPath.directory(loader, root, path));
        List<Node> nodes = new ArrayList<>(t.nodes());
        nodes.sort(Comparator.comparing((Node n) -> n.type() != NodeType.DIR)
                .thenComparing(n -> n.nameString().toLowerCase(Locale.ROOT)));
        return nodes;
    }

    /** The node at {@code path} (a file or a folder), or empty. */
    public static Optional<Node> node(Repository repo, Id root, String path) {
        List<String> parts = SnapshotPath.components(path);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        TreeLoader loader = new TreeLoader(repo);
        String parent = "/" + String.join("/", parts.subList(0, parts.size() - 1));
        try {
            return loader.load(SnapshotPath.directory(loader, root, parent)).find(parts.get(parts.size() - 1));
        } catch (RepositoryException e) {
            if (e.problem() == Problem.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** A file or folder found by name: its path in the snapshot and its node. */
    public record Hit(String path, Node node) {
    }

    /** Entries whose name contains {@code query} (case-insensitive), breadth first, at most {@link #MAX_HITS}. */
    public static List<Hit> search(Repository repo, Id root, String query) {
        String q = query.strip().toLowerCase(Locale.ROOT);
        List<Hit> hits = new ArrayList<>();
        if (q.isEmpty()) {
            return hits;
        }
        TreeLoader loader = new TreeLoader(repo);
        Deque<Object[]> queue = new ArrayDeque<>();
        queue.add(new Object[] {root, ""});
        int visited = 0;
        while (!queue.isEmpty() && hits.size() < MAX_HITS && visited < MAX_VISITED) {
            Object[] item = queue.poll();
            for (Node n : loader.load((Id) item[0]).nodes()) {
                visited++;
                String p = item[1] + "/" + n.nameString();
                if (n.nameString().toLowerCase(Locale.ROOT).contains(q)) {
                    hits.add(new Hit(p, n));
                    if (hits.size() >= MAX_HITS) {
                        break;
                    }
                }
                if (n.type() == NodeType.DIR && n.subtree() != null) {
                    queue.add(new Object[] {n.subtree(), p});
                }
            }
        }
        return hits;
    }

    /** Writes a file's content to {@code out}. */
    public static void download(Repository repo, Node file, OutputStream out) throws IOException {
        if (file.type() != NodeType.FILE || file.content() == null) {
            throw new IllegalArgumentException(file.nameString() + " is not a file");
        }
        for (Id id : file.content()) {
            out.write(repo.loadBlob(BlobType.DATA, id));
        }
    }

    /** Where a restore of {@code path} into {@code targetDir} puts it. */
    public static Path destination(Path targetDir, String path) {
        List<String> parts = SnapshotPath.components(path);
        Path t = targetDir.toAbsolutePath().normalize();
        return parts.isEmpty() ? t : t.resolve(parts.get(parts.size() - 1));
    }

    /**
     * Whether a restore of {@code path} into {@code targetDir} lands where the file or folder was backed up from
     * (so would replace the original). Snapshot paths are the original absolute paths ({@code /C/Users/...} on
     * Windows).
     */
    public static boolean overOriginal(Path targetDir, String path) {
        List<String> parts = SnapshotPath.components(path);
        if (parts.isEmpty()) {
            return targetDir.toAbsolutePath().normalize().getParent() == null;
        }
        Path dest = destination(targetDir, path);
        Path original = original(targetDir, parts);
        return dest.equals(original) || Files.exists(dest) && Files.exists(original) && sameFile(dest, original);
    }

    private static Path original(Path anyOnThisFs, List<String> parts) {
        Path root = anyOnThisFs.toAbsolutePath().getRoot();
        if (root != null && root.toString().length() > 1 && parts.get(0).length() == 1) {
            // Windows: restic writes C:\Users as /C/Users
            Path p = Path.of(parts.get(0) + ":\\");
            for (String c : parts.subList(1, parts.size())) {
                p = p.resolve(c);
            }
            return p.normalize();
        }
        Path p = root == null ? Path.of("/") : root;
        for (String c : parts) {
            p = p.resolve(c);
        }
        return p.normalize();
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Restores the file or folder at {@code path} of the snapshot into {@code targetDir} (it becomes
     * {@code targetDir/name}), under a shared lock. Existing files are replaced only when {@code overwrite}.
     */
    public static RestoreResult restore(Repository repo, Id root, String path, Path targetDir, boolean overwrite,
            RestoreListener listener) throws IOException {
        List<String> parts = SnapshotPath.components(path);
        TreeLoader loader = new TreeLoader(repo);
        Id tree;
        List<String> includes;
        if (parts.isEmpty()) {
            tree = root;
            includes = List.of();
        } else {
            String name = parts.get(parts.size() - 1);
            String parent = "/" + String.join("/", parts.subList(0, parts.size() - 1));
            tree = SnapshotPath.directory(loader, root, parent);
            Tree t = loader.load(tree);
            if (t.find(name).isEmpty()) {
                throw new RepositoryException(Problem.NOT_FOUND, path, "no " + path + " in the snapshot");
            }
            // restic's include patterns know * and ?: a name holding them must match itself alone.
            long matching = t.nodes().stream().filter(n -> PathPatterns.glob(name, n.nameString())).count();
            if (matching != 1) {
                throw new IllegalArgumentException("the name " + name + " matches several entries; restore its folder");
            }
            includes = List.of("/" + name);
        }
        RestoreOptions options = RestoreOptions.to(targetDir).withIncludes(includes).withOverwrite(overwrite);
        try (RepositoryLock lock = Locks.acquire(repo, false)) {
            return new Restorer(repo, options, listener).restore(tree);
        }
    }
}
