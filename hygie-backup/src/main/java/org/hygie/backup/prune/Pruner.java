package org.hygie.backup.prune;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.FileInfo;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.id.Id;
import org.hygie.repository.index.IndexFiles;
import org.hygie.repository.lock.RepositoryLock;
import org.hygie.repository.pack.PackEntry;
import org.hygie.repository.write.RepositoryWriter;
import org.hygie.repository.write.WriterStats;

/**
 * Carries out a {@link PrunePlan} in the only order that a crash cannot hurt (restic-format.md §12):
 * <ol>
 *   <li>the used blobs of the packs to repack are written into new packs, which the writer indexes in new index
 *       files: each is then in two packs, both indexed;</li>
 *   <li>a new index listing every pack that stays is written;</li>
 *   <li>the index files read when planning are deleted: the packs to go are now in no index;</li>
 *   <li>only then are packs deleted (unindexed leftovers, unused packs, repacked packs).</li>
 * </ol>
 * Stopped anywhere, the repository still holds every used blob in an indexed pack; what remains is at worst a pack
 * in two index files or a pack in none, which {@code restic check} accepts and the next prune tidies up.
 */
public final class Pruner {
    /** Blobs per new index file (restic 0.14 writes up to 150 000 in v2; smaller files reload faster). */
    static final int MAX_BLOBS_PER_INDEX = 50_000;

    private final Repository repo;
    private final PruneOptions options;

    public Pruner(Repository repo, PruneOptions options) {
        this.repo = repo;
        this.options = options;
    }

    /**
     * Fails with {@link org.hygie.repository.error.Problem#APPEND_ONLY} when the repository's storage does not allow
     * deletion: for callers that want to refuse before taking a lock or reading anything.
     */
    public static void requireDeletionAllowed(Repository repo) {
        Deletions.requireAllowed(repo);
    }

    /** Plans; see {@link PrunePlanner#plan}. */
    public PrunePlan plan(Set<Id> ignoreSnapshots, PruneListener listener) {
        return PrunePlanner.plan(repo, options, ignoreSnapshots, listener);
    }

    /**
     * Carries the plan out. The exclusive lock must have been held since before the plan was made. Refuses on
     * append-only storage. Afterwards the repository's in-memory index is reloaded.
     */
    public PruneResult execute(PrunePlan plan, RepositoryLock lock, PruneListener listener) {
        long start = System.nanoTime();
        Deletions.requireExclusive(lock);
        Deletions.requireAllowed(repo);
        long before = packBytes();
        long packsWritten = 0;
        long indexWritten = 0;
        long bytesRead = 0;
        if (!plan.repackPacks().isEmpty()) {
            Map<Id, List<PackEntry>> wanted = wantedBlobs(plan);
            try (RepositoryWriter writer = new RepositoryWriter(repo, options.writer())) {
                bytesRead = Repacker.repack(repo, wanted, writer::saveDuplicate,
                        (done, total) -> listener.progress("repack", done, total));
                writer.flush();
                WriterStats s = writer.stats();
                packsWritten = s.packs();
                indexWritten = s.indexFiles();
            }
        }
        long indexDeleted = 0;
        if (plan.rewritesIndex()) {
            Deletions.requireExclusive(lock);
            indexWritten += writeIndex(plan, listener);
            for (Id id : plan.obsoleteIndexes()) {
                delete(FileType.INDEX, id);
                indexDeleted++;
            }
        }
        Deletions.requireExclusive(lock);
        Set<Id> packs = new LinkedHashSet<>(plan.unreferencedPacks());
        packs.addAll(plan.removePacks());
        packs.addAll(plan.repackPacks());
        long deleted = 0;
        for (Id id : packs) {
            delete(FileType.PACK, id);
            listener.progress("delete", ++deleted, packs.size());
        }
        repo.reloadIndex();
        return new PruneResult(packsWritten, deleted, indexWritten, indexDeleted, before, packBytes(), bytesRead,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** The entries to rewrite, each blob once, grouped by the repacked pack that holds it. */
    private static Map<Id, List<PackEntry>> wantedBlobs(PrunePlan plan) {
        Set<BlobRef> left = new HashSet<>(plan.keepBlobs());
        Map<Id, List<PackEntry>> wanted = new LinkedHashMap<>();
        for (Id pack : plan.repackPacks()) {
            List<PackEntry> entries = new ArrayList<>();
            for (PackEntry e : plan.indexed().get(pack)) {
                if (left.remove(new BlobRef(e.type(), e.id()))) {
                    entries.add(e);
                }
            }
            if (!entries.isEmpty()) {
                wanted.put(pack, entries);
            }
        }
        if (!left.isEmpty()) {
            throw new IllegalStateException("internal error: " + left.size() + " blob(s) to keep are in no repacked "
                    + "pack, for instance " + left.iterator().next());
        }
        return wanted;
    }

    /** Writes index files for every indexed pack that stays; returns how many files. */
    private long writeIndex(PrunePlan plan, PruneListener listener) {
        List<IndexFiles.PackRecord> staying = new ArrayList<>();
        for (Map.Entry<Id, List<PackEntry>> p : plan.indexed().entrySet()) {
            Id id = p.getKey();
            if (!plan.removePacks().contains(id) && !plan.repackPacks().contains(id)
                    && !plan.missingPacks().contains(id)) {
                staying.add(new IndexFiles.PackRecord(id, p.getValue()));
            }
        }
        List<List<IndexFiles.PackRecord>> files = new ArrayList<>();
        List<IndexFiles.PackRecord> current = new ArrayList<>();
        int blobs = 0;
        for (IndexFiles.PackRecord r : staying) {
            if (!current.isEmpty() && blobs + r.entries().size() > MAX_BLOBS_PER_INDEX) {
                files.add(current);
                current = new ArrayList<>();
                blobs = 0;
            }
            current.add(r);
            blobs += r.entries().size();
        }
        if (!current.isEmpty()) {
            files.add(current);
        }
        long done = 0;
        for (List<IndexFiles.PackRecord> f : files) {
            repo.saveUnpacked(FileType.INDEX, IndexFiles.encode(f));
            listener.progress("index", ++done, files.size());
        }
        return files.size();
    }

    private void delete(FileType type, Id id) {
        try {
            repo.backend().delete(type, id.hex());
        } catch (IOException e) {
            throw new RepositoryException(Problem.IO, type.folder() + "/" + id, "cannot delete " + type.folder() + "/"
                    + id + ": " + e.getMessage(), e);
        }
    }

    private long packBytes() {
        try {
            long total = 0;
            for (FileInfo f : repo.backend().list(FileType.PACK)) {
                total += f.size();
            }
            return total;
        } catch (IOException e) {
            throw new RepositoryException(Problem.IO, repo.backend().location(), "cannot list data/: "
                    + e.getMessage(), e);
        }
    }
}
