package org.hygie.backup.copy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hygie.backup.forget.SnapshotFilter;
import org.hygie.backup.prune.Repacker;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.id.Id;
import org.hygie.repository.index.BlobLocation;
import org.hygie.repository.json.Json;
import org.hygie.repository.pack.BlobType;
import org.hygie.repository.pack.PackEntry;
import org.hygie.repository.snapshot.Snapshot;
import org.hygie.repository.tree.Node;
import org.hygie.repository.tree.Tree;
import org.hygie.repository.tree.TreeDecoder;
import org.hygie.repository.tree.TreeFormatException;
import org.hygie.repository.write.RepositoryWriter;
import org.hygie.repository.write.WriterStats;

/**
 * Copies snapshots between repositories as restic 0.14's {@code copy} does. For each snapshot: skip it when the
 * destination has a similar snapshot with the same original; else walk its trees (each tree once per run), store
 * every tree the destination lacks as its exact bytes and gather the data blobs it lacks, read those pack by pack
 * from the source, store them, flush (packs, then index), and only then save the snapshot, with {@code parent}
 * cleared and {@code original} set to the source's original or, failing that, the source id. A copy stopped half
 * way leaves blobs without a snapshot, never a snapshot without its blobs. The caller holds a (shared) lock on
 * each repository.
 */
public final class Copier {
    private final Repository source;
    private final Repository destination;
    private final CopyOptions options;

    public Copier(Repository source, Repository destination, CopyOptions options) {
        this.source = source;
        this.destination = destination;
        this.options = options;
    }

    /**
     * @throws RepositoryException {@link Problem#NOT_FOUND} when a named snapshot is not in the source (nothing is
     *                             copied then)
     */
    public CopyResult run(CopyListener listener) {
        long start = System.nanoTime();
        List<Repository.SnapshotEntry> chosen = select();
        Map<Id, List<Repository.SnapshotEntry>> byOriginal = new HashMap<>();
        for (Repository.SnapshotEntry e : destination.snapshots(x -> { })) {
            if (!options.filter().matches(e.snapshot())) {
                continue;
            }
            if (e.snapshot().original() != null && !e.snapshot().original().isEmpty()) {
                byOriginal.computeIfAbsent(Id.parse(e.snapshot().original()), k -> new ArrayList<>()).add(e);
            }
            byOriginal.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(e);
        }
        List<CopyResult.Copied> copied = new ArrayList<>();
        List<CopyResult.Skipped> skipped = new ArrayList<>();
        Set<Id> visitedTrees = new HashSet<>();
        long trees = 0;
        WriterStats stats;
        try (RepositoryWriter writer = new RepositoryWriter(destination, options.writer())) {
            int done = 0;
            for (Repository.SnapshotEntry e : chosen) {
                Snapshot sn = e.snapshot();
                Id original = sn.original() != null && !sn.original().isEmpty() ? Id.parse(sn.original()) : e.id();
                Repository.SnapshotEntry existing = null;
                for (Repository.SnapshotEntry d : byOriginal.getOrDefault(original, List.of())) {
                    if (SimilarSnapshots.similar(d.snapshot(), sn)) {
                        existing = d;
                        break;
                    }
                }
                if (existing != null) {
                    skipped.add(new CopyResult.Skipped(e.id(), existing.id()));
                    listener.skipped(e.id(), existing.id());
                    continue;
                }
                listener.started(e.id(), ++done, chosen.size());
                trees += copyTrees(Id.parse(sn.tree()), visitedTrees, writer, listener);
                writer.flush();
                Snapshot copy = new Snapshot(sn.time(), null, sn.tree(), sn.paths(), sn.hostname(), sn.username(),
                        sn.uid(), sn.gid(), sn.excludes(), sn.tags(), original.hex());
                Id newId = destination.saveUnpacked(FileType.SNAPSHOT, Json.write(copy));
                copied.add(new CopyResult.Copied(e.id(), newId));
                listener.copied(e.id(), newId);
                // a second source snapshot with the same original and fields is now a copy already made
                byOriginal.computeIfAbsent(original, k -> new ArrayList<>()).add(new Repository.SnapshotEntry(newId,
                        copy));
            }
            writer.flush();
            stats = writer.stats();
        }
        return new CopyResult(copied, skipped, trees, stats.newBlobs() - trees, stats.newBytes(),
                stats.storedBytes(), (System.nanoTime() - start) / 1_000_000);
    }

    /** The source snapshots to copy, oldest first. */
    private List<Repository.SnapshotEntry> select() {
        List<Repository.SnapshotEntry> all = source.snapshots(x -> { });
        if (options.snapshots().isEmpty()) {
            List<Repository.SnapshotEntry> out = new ArrayList<>();
            for (Repository.SnapshotEntry e : all) {
                if (options.filter().matches(e.snapshot())) {
                    out.add(e);
                }
            }
            return out;
        }
        Set<Repository.SnapshotEntry> out = new LinkedHashSet<>();
        for (String ref : options.snapshots()) {
            out.add(resolve(all, ref, options.filter()));
        }
        List<Repository.SnapshotEntry> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparing((Repository.SnapshotEntry e) -> e.snapshot().instant().toInstant())
                .thenComparing(Repository.SnapshotEntry::id));
        return sorted;
    }

    private static Repository.SnapshotEntry resolve(List<Repository.SnapshotEntry> all, String ref,
            SnapshotFilter filter) {
        Repository.SnapshotEntry found = null;
        if ("latest".equals(ref)) {
            for (Repository.SnapshotEntry e : all) {
                if (filter.matches(e.snapshot())) {
                    found = e;
                }
            }
        } else {
            String prefix = ref.toLowerCase(Locale.ROOT);
            for (Repository.SnapshotEntry e : all) {
                if (!prefix.isEmpty() && e.id().hex().startsWith(prefix)) {
                    if (found != null) {
                        throw new RepositoryException(Problem.NOT_FOUND, ref, "snapshot prefix " + ref
                                + " is ambiguous");
                    }
                    found = e;
                }
            }
        }
        if (found == null) {
            throw new RepositoryException(Problem.NOT_FOUND, ref, "no snapshot " + ref + " in the source");
        }
        return found;
    }

    /**
     * Stores the trees under {@code root} that the destination lacks (their bytes as read), then the data blobs
     * they use that it lacks, read pack by pack. Returns how many trees were handed to the writer.
     */
    private long copyTrees(Id root, Set<Id> visited, RepositoryWriter writer, CopyListener listener) {
        Deque<Id> todo = new ArrayDeque<>();
        if (visited.add(root)) {
            todo.add(root);
        }
        Set<Id> data = new LinkedHashSet<>();
        long trees = 0;
        while (!todo.isEmpty()) {
            Id id = todo.poll();
            byte[] bytes = source.loadBlob(BlobType.TREE, id);
            Tree tree;
            try {
                tree = TreeDecoder.decode(bytes);
            } catch (TreeFormatException e) {
                throw new RepositoryException(Problem.CORRUPTED, id.hex(), "tree " + id + " does not parse: "
                        + e.getMessage(), e);
            }
            if (!destination.index().contains(BlobType.TREE, id) && writer.save(BlobType.TREE, id, bytes)) {
                trees++;
            }
            for (Node n : tree.nodes()) {
                if (n.content() != null) {
                    for (Id blob : n.content()) {
                        if (!destination.index().contains(BlobType.DATA, blob)) {
                            data.add(blob);
                        }
                    }
                }
                if (n.subtree() != null && visited.add(n.subtree())) {
                    todo.add(n.subtree());
                }
            }
        }
        Map<Id, List<PackEntry>> wanted = new LinkedHashMap<>();
        for (Id blob : data) {
            BlobLocation loc = source.index().lookup(BlobType.DATA, blob);
            if (loc == null) {
                throw new RepositoryException(Problem.CORRUPTED, blob.hex(), "data blob " + blob
                        + " is not in the source's index");
            }
            wanted.computeIfAbsent(loc.pack(), k -> new ArrayList<>()).add(new PackEntry(BlobType.DATA, blob,
                    loc.offset(), loc.length(), loc.uncompressedLength()));
        }
        Repacker.repack(source, wanted, writer::save, listener::packs);
        return trees;
    }
}
