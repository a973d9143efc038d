package org.hygie.backup.prune;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hygie.repository.id.Id;
import org.hygie.repository.pack.PackEntry;

/**
 * What prune will do, before it does it: a value a dry run prints and {@link Pruner#execute} carries out.
 * <ul>
 *   <li>{@code unreferencedPacks}: pack files no index lists (left by an interrupted backup); deleted;</li>
 *   <li>{@code removePacks}: packs none of whose blobs is used; deleted;</li>
 *   <li>{@code repackPacks}: packs whose used blobs are written into new packs, then deleted;</li>
 *   <li>{@code missingPacks}: packs the index lists, missing from storage, holding nothing used; dropped from the
 *       index;</li>
 *   <li>{@code obsoleteIndexes}: the index files read, replaced by the new index.</li>
 * </ul>
 */
public final class PrunePlan {
    private final PruneStats stats;
    private final Set<Id> unreferencedPacks;
    private final Set<Id> removePacks;
    private final Set<Id> repackPacks;
    private final Set<Id> missingPacks;
    private final List<Id> obsoleteIndexes;
    private final Map<Id, List<PackEntry>> indexed;
    private final Set<BlobRef> keepBlobs;

    PrunePlan(PruneStats stats, Set<Id> unreferencedPacks, Set<Id> removePacks, Set<Id> repackPacks,
            Set<Id> missingPacks, List<Id> obsoleteIndexes, Map<Id, List<PackEntry>> indexed,
            Set<BlobRef> keepBlobs) {
        this.stats = stats;
        this.unreferencedPacks = Set.copyOf(unreferencedPacks);
        this.removePacks = Set.copyOf(removePacks);
        this.repackPacks = Set.copyOf(repackPacks);
        this.missingPacks = Set.copyOf(missingPacks);
        this.obsoleteIndexes = List.copyOf(obsoleteIndexes);
        this.indexed = indexed;
        this.keepBlobs = Set.copyOf(keepBlobs);
    }

    public PruneStats stats() {
        return stats;
    }

    public Set<Id> unreferencedPacks() {
        return unreferencedPacks;
    }

    public Set<Id> removePacks() {
        return removePacks;
    }

    public Set<Id> repackPacks() {
        return repackPacks;
    }

    public Set<Id> missingPacks() {
        return missingPacks;
    }

    public List<Id> obsoleteIndexes() {
        return obsoleteIndexes;
    }

    /** True when carrying out the plan would change nothing. */
    public boolean isEmpty() {
        return unreferencedPacks.isEmpty() && removePacks.isEmpty() && repackPacks.isEmpty() && missingPacks.isEmpty();
    }

    /** True when the index must be rewritten (some indexed pack goes). */
    boolean rewritesIndex() {
        return !removePacks.isEmpty() || !repackPacks.isEmpty() || !missingPacks.isEmpty();
    }

    /** Every pack the index files list, with all its entries. */
    Map<Id, List<PackEntry>> indexed() {
        return indexed;
    }

    /** The used blobs to write again: those only the repacked packs hold. */
    Set<BlobRef> keepBlobs() {
        return keepBlobs;
    }
}
