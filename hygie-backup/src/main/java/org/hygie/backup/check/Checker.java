package org.hygie.backup.check;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.hygie.repository.BlobDecoder;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.FileInfo;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.backend.ReadParallelism;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.id.Id;
import org.hygie.repository.index.BlobIndex;
import org.hygie.repository.index.BlobLocation;
import org.hygie.repository.index.IndexFiles;
import org.hygie.repository.pack.BlobType;
import org.hygie.repository.pack.PackEntry;
import org.hygie.repository.pack.PackFormatException;
import org.hygie.repository.pack.PackReader;
import org.hygie.repository.snapshot.Snapshot;
import org.hygie.repository.tree.Node;
import org.hygie.repository.tree.NodeType;
import org.hygie.repository.tree.Tree;
import org.hygie.repository.tree.TreeDecoder;
import org.hygie.repository.tree.TreeFormatException;

/**
 * Checks a repository as restic's {@code check} does (restic-format.md §12), collecting every problem and, at
 * the end, which snapshots and paths each one affects. Reads nothing it does not need; never writes.
 */
public final class Checker {
    private final Repository repo;
    private final ReadData readData;
    private final CheckListener listener;
    private final int threads;
    private final ThreadLocal<BlobDecoder> decoders;

    private final List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
    /** Blobs that cannot be read intact, with the finding that says why. */
    private final Map<Id, Finding> damagedBlobs = new ConcurrentHashMap<>();
    /** Problems of nodes inside a tree: tree id → (node name, finding). */
    private final Map<Id, List<Map.Entry<String, Finding>>> nodeProblems = new HashMap<>();
    private final Map<Id, Boolean> treeHasDamage = new HashMap<>();
    private final Map<Id, List<PackEntry>> packEntries = new LinkedHashMap<>();
    private BlobIndex index;
    private long bytesRead;
    private int packsRead;

    public Checker(Repository repo, ReadData readData, CheckListener listener) {
        this.repo = repo;
        this.readData = readData;
        this.listener = listener;
        this.threads = ReadParallelism.readers(repo.backend());
        this.decoders = ThreadLocal.withInitial(repo::newBlobDecoder);
    }

    public CheckReport run() {
        List<Id> snapshotIds = repo.list(FileType.SNAPSHOT);
        loadIndexes();
        Set<Id> existing = checkPackFiles();
        buildIndex(existing);
        if (readData.mode() != ReadData.Mode.NONE) {
            readPacks(existing);
        }
        List<Map.Entry<Id, Snapshot>> snapshots = loadSnapshots(snapshotIds);
        int done = 0;
        for (Map.Entry<Id, Snapshot> s : snapshots) {
            checkTree(Id.parse(s.getValue().tree()));
            listener.progress("trees", ++done, snapshots.size());
        }
        for (Map.Entry<Id, Snapshot> s : snapshots) {
            attachAffected(s.getKey().shortHex(), Id.parse(s.getValue().tree()), "");
        }
        return new CheckReport(List.copyOf(findings), snapshotIds.size(), packEntries.size(), index.size(), packsRead,
                bytesRead);
    }

    private Finding report(Finding.Kind kind, String subject, String detail) {
        Finding f = new Finding(kind, subject, detail);
        findings.add(f);
        listener.found(f);
        return f;
    }

    private void loadIndexes() {
        Map<Id, List<Id>> indexesOfPack = new HashMap<>();
        Map<Id, Set<PackEntry>> mergedSets = new HashMap<>(); // duplicates dropped in O(1), not by List.contains
        List<Id> ids = repo.list(FileType.INDEX);
        int done = 0;
        for (Id indexId : ids) {
            try {
                for (IndexFiles.PackRecord p : IndexFiles.parse(repo.loadUnpacked(FileType.INDEX, indexId))) {
                    indexesOfPack.computeIfAbsent(p.pack(), k -> new ArrayList<>()).add(indexId);
                    List<PackEntry> merged = packEntries.computeIfAbsent(p.pack(), k -> new ArrayList<>());
                    Set<PackEntry> seen = mergedSets.computeIfAbsent(p.pack(), k -> new HashSet<>());
                    for (PackEntry e : p.entries()) {
                        if (seen.add(e)) {
                            merged.add(e);
                        }
                    }
                }
            } catch (IOException | RepositoryException e) {
                report(Finding.Kind.INDEX_UNREADABLE, indexId.hex(), e.getMessage());
            }
            listener.progress("index", ++done, ids.size());
        }
        for (Map.Entry<Id, List<Id>> e : indexesOfPack.entrySet()) {
            if (e.getValue().size() > 1) {
                report(Finding.Kind.PACK_IN_SEVERAL_INDEXES, e.getKey().hex(),
                        "pack contained in " + e.getValue().size() + " indexes");
            }
        }
        for (Map.Entry<Id, List<PackEntry>> e : packEntries.entrySet()) {
            long trees = e.getValue().stream().filter(x -> x.type() == BlobType.TREE).count();
            if (trees > 0 && trees < e.getValue().size()) {
                report(Finding.Kind.MIXED_PACK, e.getKey().hex(), "pack contains both tree and data blobs");
            }
        }
    }

    /** Compares the packs in {@code data/} with the index; returns those that exist. */
    private Set<Id> checkPackFiles() {
        Map<Id, Long> onDisk = new HashMap<>();
        try {
            for (FileInfo f : repo.backend().list(FileType.PACK)) {
                onDisk.put(Id.parse(f.name()), f.size());
            }
        } catch (IOException e) {
            throw new RepositoryException(org.hygie.repository.error.Problem.IO, repo.backend().location(),
                    "cannot list packs: " + e.getMessage(), e);
        }
        for (Map.Entry<Id, List<PackEntry>> p : packEntries.entrySet()) {
            Long size = onDisk.get(p.getKey());
            if (size == null) {
                report(Finding.Kind.PACK_MISSING, p.getKey().hex(), "pack listed in the index does not exist");
                continue;
            }
            long expected = 4 + org.hygie.repository.crypto.CryptoKey.OVERHEAD;
            for (PackEntry e : p.getValue()) {
                expected += e.length() + e.headerSize();
            }
            if (expected != size) {
                report(Finding.Kind.PACK_SIZE_MISMATCH, p.getKey().hex(),
                        "pack has " + size + " bytes, the index implies " + expected);
            }
        }
        for (Id id : onDisk.keySet()) {
            if (!packEntries.containsKey(id)) {
                report(Finding.Kind.PACK_NOT_IN_INDEX, id.hex(), "pack not referenced in any index");
            }
        }
        Set<Id> existing = new HashSet<>(onDisk.keySet());
        existing.retainAll(packEntries.keySet());
        listener.progress("packs", packEntries.size(), packEntries.size());
        return existing;
    }

    /** Indexes existing packs first, so that a blob also stored in a missing pack is found where it still is. */
    private void buildIndex(Set<Id> existing) {
        index = new BlobIndex();
        for (Map.Entry<Id, List<PackEntry>> p : packEntries.entrySet()) {
            if (existing.contains(p.getKey())) {
                index.addPack(p.getKey(), p.getValue());
            }
        }
        Map<Id, Finding> missingFindings = new HashMap<>();
        for (Finding f : findings) {
            if (f.kind() == Finding.Kind.PACK_MISSING) {
                missingFindings.put(Id.parse(f.subject()), f);
            }
        }
        for (Map.Entry<Id, List<PackEntry>> p : packEntries.entrySet()) {
            if (!existing.contains(p.getKey())) {
                for (PackEntry e : p.getValue()) {
                    if (!index.contains(e.type(), e.id())) {
                        damagedBlobs.putIfAbsent(e.id(), missingFindings.get(p.getKey()));
                    }
                }
                index.addPack(p.getKey(), p.getValue());
            }
        }
        index.trimToSize();
    }

    private void readPacks(Set<Id> existing) {
        Random random = new Random();
        List<Id> selected = new ArrayList<>();
        for (Id p : packEntries.keySet()) {
            if (existing.contains(p) && readData.selects(p, random)) {
                selected.add(p);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "hygie-check-read");
            t.setDaemon(true);
            return t;
        });
        AtomicLong done = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Id p : selected) {
                futures.add(pool.submit(() -> {
                    bytes.addAndGet(readPack(p));
                    listener.progress("data", done.incrementAndGet(), selected.size());
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("check interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("check failed while reading data: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        packsRead = selected.size();
        bytesRead = bytes.get();
    }

    /** Neighbouring blobs are read (and hashed) together up to this many bytes. */
    private static final int MAX_RUN = 4 << 20;

    /**
     * Reads one pack and verifies its hash, its header against the index, and every blob. A well-formed pack
     * (blobs one after another from offset 0, then the header) is streamed: read in runs of whole blobs of at most
     * {@link #MAX_RUN} bytes, each run hashed, then its blobs decoded with this thread's
     * {@link BlobDecoder}. Any other layout (overlapping or out-of-range entries) is read whole.
     */
    private long readPack(Id pack) {
        List<PackEntry> entries = packEntries.get(pack);
        List<PackEntry> sorted = new ArrayList<>(entries);
        sorted.sort(java.util.Comparator.comparingLong(PackEntry::offset));
        long size;
        try {
            size = repo.backend().size(FileType.PACK, pack.hex());
        } catch (IOException e) {
            Finding f = report(Finding.Kind.PACK_UNREADABLE, pack.hex(), e.getMessage());
            entries.forEach(x -> markDamaged(pack, x, f));
            return 0;
        }
        if (!streamable(sorted, size)) {
            return readPackWhole(pack, entries);
        }
        BlobDecoder decoder = decoders.get();
        MessageDigest sha = Id.sha256();
        // reported after the pack's own findings, in index order, as when the pack is read whole
        Map<PackEntry, String> damaged = new HashMap<>();
        long pos = 0;
        int i = 0;
        try {
            while (pos < size) {
                long end;
                int j = i;
                if (i < sorted.size()) {
                    end = sorted.get(i).offset() + sorted.get(i).length();
                    j = i + 1;
                    while (j < sorted.size() && sorted.get(j).offset() + sorted.get(j).length() - pos <= MAX_RUN) {
                        end = sorted.get(j).offset() + sorted.get(j).length();
                        j++;
                    }
                } else {
                    end = Math.min(size, pos + MAX_RUN); // the header and its length
                }
                int runLength = (int) (end - pos);
                byte[] run = decoder.readBuffer(runLength);
                repo.backend().loadInto(FileType.PACK, pack.hex(), pos, run, 0, runLength);
                sha.update(run, 0, runLength);
                for (int k = i; k < j; k++) {
                    PackEntry e = sorted.get(k);
                    BlobLocation loc = new BlobLocation(e.type(), e.id(), pack, e.offset(), e.length(),
                            e.uncompressedLength());
                    try {
                        decoder.decode(loc, run, (int) (e.offset() - pos));
                    } catch (RepositoryException ex) {
                        damaged.putIfAbsent(e, ex.getMessage());
                    }
                }
                pos = end;
                i = j;
            }
        } catch (IOException e) {
            Finding f = report(Finding.Kind.PACK_UNREADABLE, pack.hex(), e.getMessage());
            for (int k = i; k < sorted.size(); k++) {
                markDamaged(pack, sorted.get(k), f);
            }
            reportDamaged(pack, entries, damaged);
            return pos;
        }
        if (!Id.of(sha.digest()).equals(pack)) {
            report(Finding.Kind.PACK_HASH_MISMATCH, pack.hex(), "pack content does not match its name");
        }
        try {
            List<PackEntry> header = PackReader.readHeader(repo.backend(), repo.key(), pack, size,
                    repo.config().supportsCompression());
            checkHeader(pack, header, entries);
        } catch (PackFormatException e) {
            report(Finding.Kind.PACK_HEADER_MISMATCH, pack.hex(), "pack header unreadable: " + e.getMessage());
        } catch (IOException e) {
            report(Finding.Kind.PACK_UNREADABLE, pack.hex(), e.getMessage());
        }
        reportDamaged(pack, entries, damaged);
        return size;
    }

    private void reportDamaged(Id pack, List<PackEntry> entries, Map<PackEntry, String> damaged) {
        for (PackEntry e : entries) {
            String message = damaged.remove(e);
            if (message != null) {
                markDamaged(pack, e, report(Finding.Kind.BLOB_DAMAGED, e.id().hex(), message));
            }
        }
    }

    /** Blobs back to back from offset 0, none past the end, the rest at most a header's maximum. */
    private static boolean streamable(List<PackEntry> sorted, long size) {
        long pos = 0;
        for (PackEntry e : sorted) {
            if (e.offset() != pos || e.length() <= 0) {
                return false;
            }
            pos += e.length();
        }
        return pos <= size;
    }

    private void checkHeader(Id pack, List<PackEntry> header, List<PackEntry> entries) {
        if (!new HashSet<>(header).equals(new HashSet<>(entries))) {
            report(Finding.Kind.PACK_HEADER_MISMATCH, pack.hex(), "pack header (" + header.size()
                    + " blobs) differs from the index (" + entries.size() + " blobs)");
        }
    }

    /** Reads one pack whole and verifies its hash, its header against the index, and every blob. */
    private long readPackWhole(Id pack, List<PackEntry> entries) {
        byte[] bytes;
        try {
            bytes = repo.backend().load(FileType.PACK, pack.hex());
        } catch (IOException e) {
            Finding f = report(Finding.Kind.PACK_UNREADABLE, pack.hex(), e.getMessage());
            entries.forEach(x -> markDamaged(pack, x, f));
            return 0;
        }
        if (!Id.hash(bytes).equals(pack)) {
            report(Finding.Kind.PACK_HASH_MISMATCH, pack.hex(), "pack content does not match its name");
        }
        try {
            List<PackEntry> header = PackReader.readHeader(repo.key(), bytes, repo.config().supportsCompression());
            checkHeader(pack, header, entries);
        } catch (PackFormatException e) {
            report(Finding.Kind.PACK_HEADER_MISMATCH, pack.hex(), "pack header unreadable: " + e.getMessage());
        }
        for (PackEntry e : entries) {
            BlobLocation loc = new BlobLocation(e.type(), e.id(), pack, e.offset(), e.length(),
                    e.uncompressedLength());
            if (e.offset() + e.length() > bytes.length) {
                markDamaged(pack, e, report(Finding.Kind.BLOB_DAMAGED, e.id().hex(),
                        "blob lies beyond the end of pack " + pack.shortHex()));
                continue;
            }
            try {
                repo.decodeBlob(loc, bytes, (int) e.offset());
            } catch (RepositoryException ex) {
                markDamaged(pack, e, report(Finding.Kind.BLOB_DAMAGED, e.id().hex(), ex.getMessage()));
            }
        }
        return bytes.length;
    }

    /** A blob is damaged for the repository only when the copy the index uses is the damaged one. */
    private void markDamaged(Id pack, PackEntry e, Finding f) {
        BlobLocation used = index.lookup(e.type(), e.id());
        if (used == null || used.pack().equals(pack)) {
            damagedBlobs.putIfAbsent(e.id(), f);
        }
    }

    private List<Map.Entry<Id, Snapshot>> loadSnapshots(List<Id> ids) {
        List<Map.Entry<Id, Snapshot>> out = new ArrayList<>();
        for (Id id : ids) {
            try {
                Snapshot s = repo.loadSnapshot(id);
                if (s.tree() == null || !Id.isValid(s.tree())) {
                    report(Finding.Kind.SNAPSHOT_WITHOUT_TREE, id.hex(), "snapshot has no tree").affectsSnapshot(
                            id.shortHex());
                    continue;
                }
                out.add(Map.entry(id, s));
            } catch (RepositoryException e) {
                report(Finding.Kind.SNAPSHOT_UNREADABLE, id.hex(), e.getMessage()).affectsSnapshot(id.shortHex());
            }
        }
        listener.progress("snapshots", ids.size(), ids.size());
        return out;
    }

    /** Checks a tree and everything below it once; returns whether anything below is damaged. */
    private boolean checkTree(Id treeId) {
        Boolean known = treeHasDamage.get(treeId);
        if (known != null) {
            return known;
        }
        treeHasDamage.put(treeId, Boolean.FALSE); // guards against a (hostile) cycle
        Tree tree = loadTree(treeId);
        if (tree == null) {
            treeHasDamage.put(treeId, Boolean.TRUE);
            return true;
        }
        boolean damaged = false;
        for (Node n : tree.nodes()) {
            String name = n.nameString();
            String problem = nodeProblem(n);
            if (problem != null) {
                nodeProblems.computeIfAbsent(treeId, k -> new ArrayList<>()).add(Map.entry(name,
                        report(Finding.Kind.NODE_INVALID, treeId.hex(), "\"" + name + "\": " + problem)));
                damaged = true;
                continue;
            }
            if (n.type() == NodeType.FILE) {
                for (Id blob : n.content()) {
                    if (!damagedBlobs.containsKey(blob) && !index.contains(BlobType.DATA, blob)) {
                        damagedBlobs.put(blob, report(Finding.Kind.BLOB_NOT_IN_INDEX, blob.hex(),
                                "data blob of \"" + name + "\" is not in the index"));
                    }
                    damaged |= damagedBlobs.containsKey(blob);
                }
            } else if (n.type() == NodeType.DIR) {
                damaged |= checkTree(n.subtree());
            }
        }
        damaged |= nodeProblems.containsKey(treeId);
        treeHasDamage.put(treeId, damaged);
        return damaged;
    }

    private Tree loadTree(Id treeId) {
        if (damagedBlobs.containsKey(treeId)) {
            return null;
        }
        BlobLocation loc = index.lookup(BlobType.TREE, treeId);
        if (loc == null) {
            damagedBlobs.put(treeId, report(Finding.Kind.BLOB_NOT_IN_INDEX, treeId.hex(), "tree is not in the index"));
            return null;
        }
        try {
            return readTree(loc);
        } catch (IOException | RepositoryException e) {
            damagedBlobs.put(treeId, report(Finding.Kind.TREE_UNREADABLE, treeId.hex(), e.getMessage()));
        } catch (TreeFormatException e) {
            damagedBlobs.put(treeId, report(Finding.Kind.TREE_UNREADABLE, treeId.hex(), "tree does not parse: "
                    + e.getMessage()));
        }
        return null;
    }

    /** restic 0.14's node rules; null when the node is fine. */
    private static String nodeProblem(Node n) {
        if (n.name() == null || n.name().length == 0) {
            return "node has no name";
        }
        return switch (n.type()) {
            case FILE -> n.content() == null ? "file has nil blob list" : null;
            case DIR -> n.subtree() == null ? "dir has no subtree" : null;
            case UNKNOWN -> "invalid node type \"" + n.typeName() + "\"";
            default -> null;
        };
    }

    /** Walks into damaged trees only, telling each finding which snapshot paths it touches. */
    private void attachAffected(String snapshot, Id treeId, String dir) {
        if (!Boolean.TRUE.equals(treeHasDamage.get(treeId))) {
            return;
        }
        Finding treeFinding = damagedBlobs.get(treeId);
        if (treeFinding != null) {
            treeFinding.affects(snapshot, dir.isEmpty() ? "/" : dir);
            return;
        }
        for (Map.Entry<String, Finding> p : nodeProblems.getOrDefault(treeId, List.of())) {
            p.getValue().affects(snapshot, dir + "/" + p.getKey());
        }
        Tree tree = loadTreeQuietly(treeId);
        if (tree == null) {
            return;
        }
        for (Node n : tree.nodes()) {
            String path = dir + "/" + n.nameString();
            if (n.type() == NodeType.FILE && n.content() != null) {
                for (Id blob : n.content()) {
                    Finding f = damagedBlobs.get(blob);
                    if (f != null) {
                        f.affects(snapshot, path);
                    }
                }
            } else if (n.type() == NodeType.DIR && n.subtree() != null) {
                attachAffected(snapshot, n.subtree(), path);
            }
        }
    }

    private Tree loadTreeQuietly(Id treeId) {
        BlobLocation loc = index.lookup(BlobType.TREE, treeId);
        try {
            return readTree(loc);
        } catch (IOException | RepositoryException | TreeFormatException e) {
            return null; // already reported by checkTree
        }
    }

    private Tree readTree(BlobLocation loc) throws IOException, TreeFormatException {
        byte[] stored = repo.backend().load(FileType.PACK, loc.pack().hex(), loc.offset(), loc.length());
        return TreeDecoder.decode(repo.decodeBlob(loc, stored, 0));
    }
}
