package org.hygie.backup.archiver;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hygie.backup.fs.NodeReader;
import org.hygie.backup.walk.TreeLoader;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.host.Host;
import org.hygie.repository.id.Id;
import org.hygie.repository.json.Json;
import org.hygie.repository.pack.BlobType;
import org.hygie.repository.snapshot.Snapshot;
import org.hygie.repository.tree.GoTime;
import org.hygie.repository.tree.Node;
import org.hygie.repository.tree.NodeType;
import org.hygie.repository.tree.Tree;
import org.hygie.repository.tree.TreeEncoder;
import org.hygie.repository.write.RepositoryWriter;
import org.hygie.repository.write.WriterStats;

/**
 * Backs up folders into a repository as restic does (restic-format.md §9, §10, §12): the tree mirrors each
 * target's full path from {@code /}; files are read by a few reader threads, chunked and handed to the writer;
 * a folder's tree is saved once all its entries are done; unchanged files (same size, mtime, ctime, inode as in
 * the parent snapshot) are not read again. Data, then index, then the snapshot: a crash leaves a valid repository.
 */
public final class Archiver {
    /**
     * File tasks queued ahead of the readers, to bound memory on huge folders; also how far ahead the readers see
     * the largest files ({@link ReaderPool}).
     */
    private static final int MAX_QUEUED_FILES = 4096;
    private static final Comparator<Path> BY_NAME = Comparator.comparing(p -> p.getFileName().toString());

    private final Repository repo;
    private final RepositoryWriter writer;
    private final BackupOptions options;
    private final BackupListener listener;
    private final NodeReader reader = NodeReader.defaults();
    private final TreeLoader trees;
    private final Excluder excluder;
    private final FileSaver fileSaver;
    private final Counters counters = new Counters();
    private final List<BackupSummary.Warning> warnings = Collections.synchronizedList(new ArrayList<>());
    private final Semaphore queued = new Semaphore(MAX_QUEUED_FILES);
    private final AtomicBoolean failed = new AtomicBoolean();
    private ReaderPool readers;

    public Archiver(Repository repo, RepositoryWriter writer, BackupOptions options, BackupListener listener) {
        this.repo = repo;
        this.writer = writer;
        this.options = options;
        this.listener = listener;
        this.trees = new TreeLoader(repo);
        this.excluder = new Excluder(options.excludes(), options.excludeCaches());
        this.fileSaver = new FileSaver(writer, reader, org.hygie.repository.chunker.Polynomial.of(
                repo.config().polynomial()));
    }

    /** One level of the tree of targets: the real folder at {@code path}, its children, or a target itself. */
    private static final class Prefix {
        final Path path;
        final Map<String, Prefix> children = new TreeMap<>();
        boolean target;

        Prefix(Path path) {
            this.path = path;
        }
    }

    public BackupSummary run() {
        long start = System.nanoTime();
        OffsetDateTime startTime = OffsetDateTime.now();
        List<Path> targets = normalise(options.targets());
        List<String> paths = targets.stream().map(Path::toString).toList();
        String host = options.host() != null ? options.host() : Host.hostname();
        repo.loadIndexInBackground(); // while the parent is looked for among the snapshots
        Repository.SnapshotEntry parent = options.noParent() ? null
                : options.parent() != null ? ParentFinder.byId(repo, options.parent())
                : ParentFinder.find(repo, host, paths);
        Tree parentRoot = parent == null ? null : loadQuietly(Id.parse(parent.snapshot().tree()));

        Prefix root = new Prefix(Path.of("/"));
        for (Path t : targets) {
            Prefix at = root;
            for (Path component : t) {
                Path sub = at.path.resolve(component.toString());
                at = at.children.computeIfAbsent(component.toString(), k -> new Prefix(sub));
            }
            at.target = true;
        }
        Scanner scanner = new Scanner(targets, excluder, listener);
        scanner.start();
        readers = new ReaderPool(options.readers());
        Id rootTree;
        try {
            rootTree = saveChildren(root, parentRoot).join();
            writer.flush();
        } catch (CompletionException e) {
            throw unwrap(e);
        } finally {
            readers.shutdownNow();
            scanner.interrupt();
        }
        Snapshot snap = new Snapshot(GoTime.format(startTime), parent == null ? null : parent.id().hex(),
                rootTree.hex(), paths, host, Host.username(), Host.uid(), Host.gid(),
                options.excludes().isEmpty() ? null : options.excludes(),
                options.tags().isEmpty() ? null : options.tags(), null);
        Id snapId = repo.saveUnpacked(FileType.SNAPSHOT, Json.write(snap));
        WriterStats ws = writer.stats();
        return new BackupSummary(snapId, parent == null ? null : parent.id(), counters.filesNew.get(),
                counters.filesChanged.get(), counters.filesUnmodified.get(), counters.dirsNew.get(),
                counters.dirsChanged.get(), counters.dirsUnmodified.get(), ws.newBlobs() - treeBlobsOf(ws),
                treeBlobsOf(ws), ws.newBytes(), ws.storedBytes(), counters.filesProcessed.get(),
                counters.bytesProcessed.get(), (System.nanoTime() - start) / 1_000_000, List.copyOf(warnings));
    }

    private long treeBlobs;

    private long treeBlobsOf(WriterStats ws) {
        return Math.min(treeBlobs, ws.newBlobs());
    }

    private static RuntimeException unwrap(CompletionException e) {
        Throwable c = e.getCause();
        if (c instanceof RuntimeException r) {
            return r;
        }
        return new IllegalStateException(c);
    }

    private List<Path> normalise(List<Path> given) {
        List<Path> out = new ArrayList<>();
        for (Path p : given) {
            Path abs = p.toAbsolutePath().normalize();
            if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
                throw new SourceException(abs.toString(), "not found: " + abs, null);
            }
            out.add(abs);
        }
        Collections.sort(out);
        List<Path> kept = new ArrayList<>();
        for (Path p : out) {
            if (kept.stream().noneMatch(k -> p.startsWith(k))) {
                kept.add(p);
            }
        }
        return kept;
    }

    /** The tree of a prefix folder: the targets below it and the prefix folders leading to them. */
    private CompletableFuture<Id> saveChildren(Prefix prefix, Tree parentTree) {
        List<CompletableFuture<Node>> children = new ArrayList<>();
        for (Prefix child : prefix.children.values()) {
            Node meta = readNode(child.path);
            if (meta == null) {
                continue;
            }
            Node parentNode = parentTree == null ? null : parentTree.find(meta.name()).orElse(null);
            if (child.target) {
                children.add(archive(child.path, meta, parentNode));
            } else {
                Tree sub = parentNode != null && parentNode.subtree() != null ? loadQuietly(parentNode.subtree()) : null;
                children.add(saveChildren(child, sub).thenApply(id -> meta.toBuilder().subtree(id).build()));
            }
        }
        return collect(children);
    }

    /** Archives one entry (file, folder, link, special) at a target or below it. */
    private CompletableFuture<Node> archive(Path path, Node node, Node parentNode) {
        switch (node.type()) {
            case DIR -> {
                Tree sub = parentNode != null && parentNode.type() == NodeType.DIR && parentNode.subtree() != null
                        ? loadQuietly(parentNode.subtree()) : null;
                return saveDir(path, node, sub).thenApply(n -> {
                    countDir(n, parentNode);
                    return n;
                });
            }
            case FILE -> {
                return saveFile(path, node, parentNode);
            }
            case SOCKET -> {
                return CompletableFuture.completedFuture(null); // restic 0.14 does not store sockets
            }
            default -> {
                return CompletableFuture.completedFuture(node);
            }
        }
    }

    private void countDir(Node n, Node parentNode) {
        if (parentNode == null || parentNode.subtree() == null) {
            counters.dirsNew.incrementAndGet();
        } else if (parentNode.subtree().equals(n.subtree())) {
            counters.dirsUnmodified.incrementAndGet();
        } else {
            counters.dirsChanged.incrementAndGet();
        }
    }

    private CompletableFuture<Node> saveDir(Path dir, Node node, Tree parentTree) {
        List<CompletableFuture<Node>> children = new ArrayList<>();
        boolean cache = excluder.isCache(dir);
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir)) {
            List<Path> entries = new ArrayList<>();
            listing.forEach(entries::add);
            entries.sort(BY_NAME); // restic's order; the listing's own order depends on the file system
            for (Path p : entries) {
                if (failed.get()) {
                    break;
                }
                if (cache && !p.getFileName().toString().equals("CACHEDIR.TAG")) {
                    continue;
                }
                if (excluder.excluded(p)) {
                    continue;
                }
                Node n = readNode(p);
                if (n == null) {
                    continue;
                }
                Node parentNode = parentTree == null ? null : parentTree.find(n.name()).orElse(null);
                if (n.type() == NodeType.DIR && options.oneFileSystem() && n.deviceId() != node.deviceId()) {
                    children.add(CompletableFuture.completedFuture(emptyDir(n)));
                    continue;
                }
                children.add(archive(p, n, parentNode));
            }
        } catch (IOException e) {
            warn(dir.toString(), "folder not readable: " + e.getMessage());
        }
        return collect(children).thenApply(id -> node.toBuilder().subtree(id).build());
    }

    private Node emptyDir(Node n) {
        return n.toBuilder().subtree(saveTree(List.of())).build();
    }

    private CompletableFuture<Node> saveFile(Path path, Node node, Node parentNode) {
        if (parentNode != null && unchanged(node, parentNode)) {
            counters.filesUnmodified.incrementAndGet();
            processed(node.size());
            return CompletableFuture.completedFuture(node.toBuilder().content(parentNode.content()).build());
        }
        try {
            queued.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("backup interrupted", e);
        }
        return readers.read(node.size(), () -> {
            try {
                if (failed.get()) {
                    return null;
                }
                FileSaver.Saved saved = fileSaver.save(path, node, n -> listener.processed(
                        counters.filesProcessed.get(), counters.bytesProcessed.addAndGet(n)));
                if (saved.changedWarning() != null) {
                    warn(path.toString(), saved.changedWarning());
                }
                (parentNode == null ? counters.filesNew : counters.filesChanged).incrementAndGet();
                listener.processed(counters.filesProcessed.incrementAndGet(), counters.bytesProcessed.get());
                return saved.node();
            } catch (IOException e) {
                warn(path.toString(), e instanceof NoSuchFileException ? "file vanished before it could be read"
                        : "file not readable: " + e.getMessage());
                return null;
            } catch (RuntimeException e) {
                failed.set(true);
                throw e;
            } finally {
                queued.release();
            }
        });
    }

    /** restic's rule: a file is re-read when its size, mtime, ctime or inode differ, or a blob is unknown. */
    private boolean unchanged(Node now, Node before) {
        if (before.type() != NodeType.FILE || before.content() == null || now.size() != before.size()
                || now.inode() != before.inode() || !now.mtime().isEqual(before.mtime())
                || !now.ctime().isEqual(before.ctime())) {
            return false;
        }
        for (Id id : before.content()) {
            if (!repo.index().contains(BlobType.DATA, id)) {
                return false;
            }
        }
        return true;
    }

    private void processed(long bytes) {
        listener.processed(counters.filesProcessed.incrementAndGet(), counters.bytesProcessed.addAndGet(bytes));
    }

    /** Once every child is done, saves the folder's tree; entries that failed (null) are left out. */
    private CompletableFuture<Id> collect(List<CompletableFuture<Node>> children) {
        return CompletableFuture.allOf(children.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<Node> nodes = new ArrayList<>(children.size());
            for (CompletableFuture<Node> f : children) {
                Node n = f.join();
                if (n != null) {
                    nodes.add(n);
                }
            }
            return saveTree(nodes);
        });
    }

    private Id saveTree(List<Node> nodes) {
        byte[] bytes = TreeEncoder.encode(Tree.of(nodes));
        Id id = Id.hash(bytes);
        if (writer.save(BlobType.TREE, id, bytes)) {
            synchronized (this) {
                treeBlobs++;
            }
        }
        return id;
    }

    private Node readNode(Path p) {
        try {
            return reader.read(p);
        } catch (NoSuchFileException e) {
            warn(p.toString(), "vanished before it could be read");
        } catch (IOException e) {
            warn(p.toString(), "metadata not readable: " + e.getMessage());
        }
        return null;
    }

    private Tree loadQuietly(Id tree) {
        try {
            return trees.load(tree);
        } catch (RepositoryException e) {
            return null; // a damaged parent only means reading everything again
        }
    }

    private void warn(String path, String message) {
        warnings.add(new BackupSummary.Warning(path, message));
        listener.warning(path, message);
    }
}
