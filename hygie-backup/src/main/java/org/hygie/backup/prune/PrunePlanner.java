package org.hygie.backup.prune;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.crypto.CryptoKey;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.id.Id;
import org.hygie.repository.pack.BlobType;
import org.hygie.repository.pack.PackEntry;

/**
 * Decides what prune does, as restic 0.14's {@code planPrune} does (cmd/restic/cmd_prune.go): the blobs the
 * snapshots use; for each pack, its used and unused bytes (of duplicated blobs, one copy counts as used, in a pack
 * that has other used blobs when there is one); packs with nothing used go; packs that are partly used, mixed,
 * small (once there are 10 of them), or hold uncompressed trees in a version 2 repository are candidates for
 * repacking, taken trees first, then small, then by their share of unused bytes, until the unused bytes left fall
 * under {@link PruneOptions#maxUnused} (trees and uncompressed packs are always taken, within
 * {@link PruneOptions#maxRepackBytes}). Reads only; the caller holds an exclusive lock.
 */
public final class PrunePlanner {
    /** restic's header size without entries: the length field and the encryption overhead. */
    private static final long HEADER_BASE = 4 + CryptoKey.OVERHEAD;

    private PrunePlanner() {
    }

    /**
     * Plans a prune. {@code ignoreSnapshots} are snapshots just forgotten (restic's forget --prune passes them, in
     * case the storage still lists them). Refuses at once on append-only storage ({@link Problem#APPEND_ONLY}).
     *
     * @throws RepositoryException {@link Problem#CORRUPTED} when a used blob is in no index, a needed pack is
     *                             missing or has the wrong size, or a snapshot or tree does not load: prune would
     *                             lose data, so it does nothing
     */
    public static PrunePlan plan(Repository repo, PruneOptions options, Set<Id> ignoreSnapshots,
            PruneListener listener) {
        Deletions.requireAllowed(repo);
        List<Id> trees = new ArrayList<>();
        for (Id id : repo.list(FileType.SNAPSHOT)) {
            if (!ignoreSnapshots.contains(id)) {
                trees.add(Id.parse(repo.loadSnapshot(id).tree()));
            }
        }
        PackInventory inventory = PackInventory.read(repo);
        Set<BlobRef> used = UsedBlobs.find(repo, trees, listener);
        return decide(inventory, used, options, repo.config().supportsCompression(), listener);
    }

    static PrunePlan decide(PackInventory inventory, Set<BlobRef> usedBlobs, PruneOptions o, boolean v2,
            PruneListener listener) {
        Counts c = new Counts();
        Set<BlobRef> used = new HashSet<>(usedBlobs);
        Set<BlobRef> keepBlobs = new HashSet<>();
        Map<BlobRef, Integer> duplicates = new HashMap<>();
        for (List<PackEntry> entries : inventory.packs().values()) {
            for (PackEntry e : entries) {
                BlobRef b = new BlobRef(e.type(), e.id());
                if (used.remove(b)) {
                    keepBlobs.add(b);
                    c.usedBytes += e.length();
                    c.usedBlobs++;
                } else if (keepBlobs.contains(b)) {
                    duplicates.merge(b, 2, (old, two) -> Math.min(old + 1, 255));
                    c.duplicateBytes += e.length();
                    c.duplicateBlobs++;
                } else {
                    c.unusedBytes += e.length();
                    c.unusedBlobs++;
                }
            }
        }
        if (!used.isEmpty()) {
            throw new RepositoryException(Problem.CORRUPTED, used.iterator().next().id().hex(), used.size()
                    + " blob(s) the snapshots use are in no index (for instance " + used.iterator().next()
                    + "): data seems to be missing; prune will not start, to lose nothing more");
        }

        Map<Id, PackInfo> infos = new LinkedHashMap<>();
        for (Map.Entry<Id, List<PackEntry>> p : inventory.packs().entrySet()) {
            long header = HEADER_BASE;
            for (PackEntry e : p.getValue()) {
                header += e.headerSize();
            }
            PackInfo info = new PackInfo(p.getKey(), header);
            for (PackEntry e : p.getValue()) {
                if (info.type == null) {
                    info.type = e.type();
                } else if (info.type != e.type()) {
                    info.mixed = true;
                }
                BlobRef b = new BlobRef(e.type(), e.id());
                if (!duplicates.containsKey(b)) {
                    if (keepBlobs.contains(b)) {
                        info.usedSize += e.length();
                        info.usedBlobs++;
                    } else {
                        info.unusedSize += e.length();
                        info.unusedBlobs++;
                    }
                }
                if (!e.compressed()) {
                    info.uncompressed = true;
                }
            }
            infos.put(p.getKey(), info);
        }
        if (!duplicates.isEmpty()) {
            for (PackInfo info : duplicateOrder(infos.values())) {
                for (PackEntry e : inventory.packs().get(info.id)) {
                    BlobRef b = new BlobRef(e.type(), e.id());
                    Integer count = duplicates.get(b);
                    if (count == null) {
                        continue;
                    }
                    if (count == 0) {
                        info.unusedSize += e.length();
                        info.unusedBlobs++;
                    } else if (info.usedBlobs > 0 || count == 1) {
                        info.usedSize += e.length();
                        info.usedBlobs++;
                        duplicates.put(b, 0);
                    } else {
                        info.unusedSize += e.length();
                        info.unusedBlobs++;
                        duplicates.put(b, count - 1);
                    }
                }
            }
        }
        return choosePacks(inventory, infos, keepBlobs, c, o, v2, listener);
    }

    /**
     * The order in which packs receive the "used" copy of a duplicated blob. restic walks its index in map order,
     * which varies from run to run; its rules give the copy to the first pack met that holds other used blobs,
     * else to the last pack met. Hygie meets first the packs with used blobs, the least unused first, then the
     * others with the most unused first: a copy then lands where it will be kept. After an interrupted prune, the
     * new packs keep the copies and the old ones go whole, with nothing to repack twice.
     */
    private static List<PackInfo> duplicateOrder(java.util.Collection<PackInfo> packs) {
        List<PackInfo> order = new ArrayList<>(packs);
        order.sort((a, b) -> {
            boolean au = a.usedBlobs > 0;
            boolean bu = b.usedBlobs > 0;
            if (au != bu) {
                return au ? -1 : 1;
            }
            if (au) {
                return Double.compare((double) a.unusedSize / a.total(), (double) b.unusedSize / b.total());
            }
            return Long.compare(b.unusedBlobs, a.unusedBlobs);
        });
        return order;
    }

    /** restic's {@code decidePackAction}, then the blobs to rewrite. */
    private static PrunePlan choosePacks(PackInventory inventory, Map<Id, PackInfo> infos, Set<BlobRef> keepBlobs,
            Counts c, PruneOptions o, boolean v2, PruneListener listener) {
        Set<Id> unreferenced = new LinkedHashSet<>();
        Set<Id> remove = new LinkedHashSet<>();
        Set<Id> repack = new LinkedHashSet<>();
        List<PackInfo> candidates = new ArrayList<>();
        List<PackInfo> smallCandidates = new ArrayList<>();
        int packSize = o.writer().packSize();
        long targetPackSize = o.repackSmall() ? packSize / 5 * 4 : packSize / 25;
        Map<Id, PackInfo> notSeen = new LinkedHashMap<>(infos);
        long done = 0;
        for (Map.Entry<Id, Long> f : inventory.stored().entrySet()) {
            Id id = f.getKey();
            long size = f.getValue();
            PackInfo p = notSeen.remove(id);
            listener.progress("packs", ++done, inventory.stored().size());
            if (p == null) {
                unreferenced.add(id);
                c.unreferencedBytes += size;
                continue;
            }
            if (p.total() != size && p.usedBlobs != 0) {
                throw new RepositoryException(Problem.CORRUPTED, "data/" + id, "pack " + id.shortHex()
                        + ": the index says " + p.total() + " bytes, the file has " + size
                        + "; prune will not start (rebuild the index first)");
            }
            if (p.usedBlobs == 0) {
                c.packsUnused++;
            } else if (p.unusedBlobs == 0) {
                c.packsUsed++;
            } else {
                c.packsPartlyUsed++;
            }
            boolean mustCompress = v2 && p.uncompressed && ((p.type == BlobType.TREE && !p.mixed)
                    || o.repackUncompressed());
            p.uncompressed = mustCompress;
            if (p.usedBlobs == 0) {
                remove.add(id);
                c.removeBlobs += p.unusedBlobs;
                c.removeBytes += p.unusedSize;
            } else if (o.repackCacheableOnly() && p.isData()) {
                c.packsKeep++;
            } else if (p.unusedBlobs == 0 && !p.mixed && !mustCompress) {
                if (size >= targetPackSize) {
                    c.packsKeep++;
                } else {
                    smallCandidates.add(p);
                }
            } else {
                candidates.add(p);
            }
        }
        Set<Id> missing = new LinkedHashSet<>();
        for (PackInfo p : notSeen.values()) {
            if (p.usedBlobs != 0) {
                throw new RepositoryException(Problem.CORRUPTED, "data/" + p.id, notSeen.size()
                        + " pack(s) the index lists and the snapshots need are missing from storage, for instance "
                        + p.id + "; prune will not start");
            }
            missing.add(p.id);
            c.removeBlobs += p.unusedBlobs;
            c.removeBytes += p.unusedSize;
        }
        if (smallCandidates.size() < 10) {
            c.packsKeep += smallCandidates.size();
        } else {
            candidates.addAll(smallCandidates);
        }
        long target = targetPackSize;
        candidates.sort((pi, pj) -> {
            if (!pi.isData() && pj.isData()) {
                return -1;
            }
            if (!pj.isData() && pi.isData()) {
                return 1;
            }
            if (pi.total() < target && pj.total() >= target) {
                return -1;
            }
            if (pj.total() < target && pi.total() >= target) {
                return 1;
            }
            // more unused per used first: unused[i] * used[j] > unused[j] * used[i], without overflow
            return Double.compare((double) pj.unusedSize * pi.usedSize, (double) pi.unusedSize * pj.usedSize);
        });
        long maxUnusedAfter = o.maxUnused().limit(c.usedBytes);
        for (PackInfo p : candidates) {
            // Go's uint64 arithmetic: duplicates counted as unused in packs can make this "negative", which then
            // wraps to a huge number and repacking goes on (after an interrupted prune, for instance)
            boolean reachedUnused = Long.compareUnsigned(c.unusedBytes - c.removeBytes - c.repackRemovedBytes,
                    maxUnusedAfter) < 0;
            boolean reachedRepackSize = c.repackBytes + p.total() >= o.maxRepackBytes();
            boolean largeEnough = p.total() >= target;
            if (reachedRepackSize) {
                c.packsKeep++;
            } else if (!p.isData() || p.uncompressed) {
                repack(p, repack, c);
            } else if (reachedUnused && largeEnough) {
                c.packsKeep++;
            } else {
                repack(p, repack, c);
            }
        }

        Set<BlobRef> rewrite = new HashSet<>();
        if (!repack.isEmpty()) {
            rewrite.addAll(keepBlobs);
            for (Map.Entry<Id, List<PackEntry>> p : inventory.packs().entrySet()) {
                Id id = p.getKey();
                if (remove.contains(id) || repack.contains(id) || missing.contains(id)) {
                    continue;
                }
                for (PackEntry e : p.getValue()) {
                    rewrite.remove(new BlobRef(e.type(), e.id()));
                }
            }
        }
        checkNothingLost(inventory, keepBlobs, remove, repack, missing, rewrite);
        PruneStats stats = new PruneStats(c.usedBlobs, c.usedBytes, c.duplicateBlobs, c.duplicateBytes,
                c.unusedBlobs, c.unusedBytes, c.unreferencedBytes, c.repackBlobs, c.repackBytes, c.repackRemovedBlobs,
                c.repackRemovedBytes, c.removeBlobs, c.removeBytes, new PruneStats.Packs(c.packsUsed,
                        c.packsPartlyUsed, c.packsUnused, c.packsKeep, repack.size(), remove.size(),
                        unreferenced.size()));
        return new PrunePlan(stats, unreferenced, remove, repack, missing, inventory.indexFiles(), inventory.packs(),
                rewrite);
    }

    private static void repack(PackInfo p, Set<Id> repack, Counts c) {
        repack.add(p.id);
        c.repackBlobs += p.unusedBlobs + p.usedBlobs;
        c.repackBytes += p.total();
        c.repackRemovedBlobs += p.unusedBlobs;
        c.repackRemovedBytes += p.unusedSize;
    }

    /**
     * The plan's safety net, beyond restic's own: every used blob stays in a pack that is kept and stored, or is
     * rewritten from a repacked pack that holds it.
     */
    private static void checkNothingLost(PackInventory inventory, Set<BlobRef> usedBlobs, Set<Id> remove,
            Set<Id> repack, Set<Id> missing, Set<BlobRef> rewrite) {
        Set<BlobRef> safe = new HashSet<>();
        for (Map.Entry<Id, List<PackEntry>> p : inventory.packs().entrySet()) {
            Id id = p.getKey();
            boolean kept = !remove.contains(id) && !repack.contains(id) && !missing.contains(id);
            for (PackEntry e : p.getValue()) {
                BlobRef b = new BlobRef(e.type(), e.id());
                if (kept || (repack.contains(id) && rewrite.contains(b))) {
                    safe.add(b);
                }
            }
        }
        for (BlobRef b : usedBlobs) {
            if (!safe.contains(b)) {
                throw new IllegalStateException("internal error: the prune plan would lose " + b);
            }
        }
    }

    /** The running totals of the plan. */
    private static final class Counts {
        long usedBlobs;
        long usedBytes;
        long duplicateBlobs;
        long duplicateBytes;
        long unusedBlobs;
        long unusedBytes;
        long unreferencedBytes;
        long repackBlobs;
        long repackBytes;
        long repackRemovedBlobs;
        long repackRemovedBytes;
        long removeBlobs;
        long removeBytes;
        long packsUsed;
        long packsPartlyUsed;
        long packsUnused;
        long packsKeep;
    }
}
