package org.hygie.backup.restore;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hygie.backup.filter.PathPatterns;
import org.hygie.backup.restore.RestoreResult.Problem;
import org.hygie.backup.restore.RestoreResult.Reason;
import org.hygie.backup.walk.TreeLoader;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.ReadParallelism;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.id.Id;
import org.hygie.repository.tree.Node;
import org.hygie.repository.tree.Tree;

/**
 * Restores a snapshot into a target folder (restic-format.md §10): contents, modes, ownership (as root),
 * times, symlinks as links, hard links, FIFOs and devices, sparse files. Writes only inside the target: names
 * are checked, folders are never entered through a link, files are created new. An entry that cannot be
 * restored is reported and the rest goes on.
 */
public final class Restorer {
    private final Repository repo;
    private final TreeLoader trees;
    private final RestoreOptions options;
    private final RestoreListener listener;
    private final MetadataWriter metadata;
    private final PathPatterns filter;
    private final List<RestoreResult.Problem> problems = Collections.synchronizedList(new ArrayList<>());

    private final List<FileJob> files = new ArrayList<>();
    private final List<FileJob> hardlinks = new ArrayList<>();
    private final Map<String, FileJob> firstLink = new HashMap<>();
    /** Folders whose metadata is set after their content, deepest first. */
    private final Deque<Map.Entry<Path, Node>> dirs = new ArrayDeque<>();
    private long dirCount;
    private long symlinks;
    private long specials;
    private long plannedBytes;

    public Restorer(Repository repo, RestoreOptions options, RestoreListener listener) {
        this.repo = repo;
        this.trees = new TreeLoader(repo);
        this.options = options;
        this.listener = listener;
        this.metadata = new MetadataWriter(options.restoreOwnership());
        this.filter = new PathPatterns(options.includes());
    }

    private record FileJob(Path path, Node node, String display, Path linkTo) {
    }

    public RestoreResult restore(Id snapshotTree) throws IOException {
        long start = System.nanoTime();
        Path target = options.target().toAbsolutePath().normalize();
        Files.createDirectories(target);
        walk(snapshotTree, target, new ArrayList<>());
        listener.planned(files.size() + hardlinks.size(), plannedBytes);
        long bytes = writeFiles();
        for (FileJob link : hardlinks) {
            try {
                Files.createLink(link.path(), link.linkTo());
            } catch (IOException | UnsupportedOperationException e) {
                problem(new Problem(link.display(), Reason.HARD_LINK, e.getMessage()));
            }
        }
        for (Map.Entry<Path, Node> d : dirs) {
            try {
                metadata.apply(d.getKey(), d.getValue());
            } catch (IOException e) {
                problem(new Problem(d.getKey().toString(), Reason.METADATA, e.getMessage()));
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new RestoreResult(files.size(), dirCount, symlinks, hardlinks.size(), specials, bytes,
                List.copyOf(problems), millis);
    }

    private void problem(Problem p) {
        problems.add(p);
        listener.problem(p);
    }

    /** Creates the folders and links of one tree and queues its files; recurses into included folders. */
    private void walk(Id treeId, Path dir, List<String> at) {
        Tree tree;
        try {
            tree = trees.load(treeId);
        } catch (RepositoryException e) {
            problem(new Problem(display(at), Reason.TREE_UNREADABLE, e.getMessage()));
            return;
        }
        for (Node n : tree.nodes()) {
            List<String> path = new ArrayList<>(at);
            path.add(n.nameString());
            String shown = display(path);
            Path p = SafeNames.child(dir, n.name(), n.nameString());
            if (p == null) {
                problem(new Problem(shown, Reason.UNSAFE_NAME, null));
                continue;
            }
            boolean included = filter.includes(path);
            switch (n.type()) {
                case DIR -> {
                    if (!included && !filter.mayIncludeBelow(path)) {
                        continue;
                    }
                    if (makeDir(p, shown) && n.subtree() != null) {
                        walk(n.subtree(), p, path);
                        dirs.push(Map.entry(p, n));
                        dirCount++;
                    }
                }
                case FILE -> {
                    if (included) {
                        queueFile(p, n, shown);
                    }
                }
                case SYMLINK -> {
                    if (included) {
                        createLeaf(p, n, shown, () -> Files.createSymbolicLink(p, Path.of(n.linkTargetString())));
                        symlinks++;
                    }
                }
                case FIFO, DEV, CHARDEV -> {
                    if (included) {
                        createSpecial(p, n, shown);
                        specials++;
                    }
                }
                case SOCKET -> {
                    // restic does not restore sockets either: a socket is made by the program that listens on it
                }
                default -> problem(new Problem(shown, Reason.UNKNOWN_TYPE, n.typeName()));
            }
        }
    }

    private boolean makeDir(Path p, String shown) {
        try {
            Files.createDirectory(p);
            return true;
        } catch (FileAlreadyExistsException e) {
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
            problem(new Problem(shown, Reason.NOT_A_FOLDER, null));
        } catch (IOException e) {
            problem(Problem.ofWrite(shown, e));
        }
        return false;
    }

    private void queueFile(Path p, Node n, String shown) {
        if (n.content() == null) {
            problem(new Problem(shown, Reason.NO_CONTENT, null));
            return;
        }
        if (n.links() > 1 && n.inode() != 0) {
            String key = Long.toUnsignedString(n.deviceId()) + ":" + Long.toUnsignedString(n.inode());
            FileJob first = firstLink.get(key);
            if (first != null) {
                if (prepareSlot(p, shown)) {
                    hardlinks.add(new FileJob(p, n, shown, first.path()));
                }
                return;
            }
            FileJob job = new FileJob(p, n, shown, null);
            firstLink.put(key, job);
            files.add(job);
        } else {
            files.add(new FileJob(p, n, shown, null));
        }
        plannedBytes += n.size();
    }

    private interface Creator {
        void create() throws IOException;
    }

    private void createLeaf(Path p, Node n, String shown, Creator creator) {
        if (!prepareSlot(p, shown)) {
            return;
        }
        try {
            creator.create();
            metadata.apply(p, n);
        } catch (IOException e) {
            problem(Problem.ofWrite(shown, e));
        } catch (RuntimeException e) {
            problem(new Problem(shown, Reason.WRITE_FAILED, e.getMessage()));
        }
    }

    private void createSpecial(Path p, Node n, String shown) {
        if (!prepareSlot(p, shown)) {
            return;
        }
        try {
            Specials.create(p, n, options.restoreOwnership());
        } catch (IOException e) {
            problem(Problem.ofWrite(shown, e));
        }
    }

    /** True when nothing is at {@code p}, or it was there and may be replaced (and was removed). */
    private boolean prepareSlot(Path p, String shown) {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        if (!options.overwrite() || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            problem(new Problem(shown, Reason.EXISTS, null));
            return false;
        }
        try {
            Files.delete(p);
            return true;
        } catch (IOException e) {
            problem(Problem.ofWrite(shown, e));
            return false;
        }
    }

    /** Writes the queued files pack by pack ({@link PackRestore}); returns the bytes written. */
    private long writeFiles() throws IOException {
        int threads = ReadParallelism.readers(repo.backend());
        PackRestore writer = new PackRestore(repo, new PackRestore.Slot() {
            @Override
            public boolean prepare(Path p, String shown) {
                return prepareSlot(p, shown);
            }

            @Override
            public void problem(Problem p) {
                Restorer.this.problem(p);
            }

            @Override
            public void done(PackRestore.Target file, boolean complete) {
                if (complete) {
                    try {
                        metadata.apply(file.path, file.node);
                    } catch (IOException e) {
                        Restorer.this.problem(new Problem(file.shown, Reason.METADATA, e.getMessage()));
                    }
                }
            }
        }, threads);
        for (FileJob job : files) {
            writer.add(job.path(), job.display(), job.node());
        }
        return writer.run(listener::progress);
    }

    private static String display(List<String> path) {
        return "/" + String.join("/", path);
    }
}
