package org.hygie.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.hygie.backup.prune.MaxUnused;
import org.hygie.backup.prune.PruneListener;
import org.hygie.backup.prune.PruneOptions;
import org.hygie.backup.prune.PrunePlan;
import org.hygie.backup.prune.PruneResult;
import org.hygie.backup.prune.PruneStats;
import org.hygie.backup.prune.Pruner;
import org.hygie.repository.Repository;
import org.hygie.repository.id.Id;
import org.hygie.repository.json.Json;
import org.hygie.repository.lock.RepositoryLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hygie prune}: removes the data no snapshot uses and repacks mostly unused packs, as restic's prune.
 * Refused on append-only storage. {@code --dry-run} prints the plan and changes nothing.
 */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = "Supprime du dépôt les données qu'aucune sauvegarde n'utilise / remove data no snapshot uses.")
final class PruneCommand implements Callable<Integer> {
    @ParentCommand
    HygieCommand root;

    @Mixin
    RepositoryOptions repo = new RepositoryOptions();

    @Mixin
    Flags flags = new Flags();

    @Option(names = {"-n", "--dry-run"}, description = "Montrer ce qui serait fait, sans rien modifier / "
            + "only show what would be done.")
    boolean dryRun;

    @Option(names = "--json", description = "Plan et résultat en JSON / plan and result as JSON.")
    boolean json;

    /** restic's prune options, shared with {@code forget --prune}. */
    static final class Flags {
        @Option(names = "--max-unused", paramLabel = "LIMITE", defaultValue = "5%",
                description = "Données inutilisées tolérées : 5%%, 200M, unlimited / unused data tolerated "
                        + "(défaut / default ${DEFAULT-VALUE}).")
        String maxUnused;

        @Option(names = "--max-repack-size", paramLabel = "TAILLE",
                description = "Au plus tant de données réempaquetées (500M, 2G) / repack at most this much.")
        String maxRepackSize;

        @Option(names = "--repack-cacheable-only", description = "Ne réempaqueter que les dossiers / only repack "
                + "packs of trees.")
        boolean repackCacheableOnly;

        @Option(names = "--repack-small", description = "Réempaqueter les paquets sous 80 %% de la taille visée / "
                + "repack packs below 80%% of the target size.")
        boolean repackSmall;

        @Option(names = "--repack-uncompressed", description = "Compresser toutes les données non compressées / "
                + "compress all uncompressed data.")
        boolean repackUncompressed;

        PruneOptions toOptions() {
            PruneOptions o = PruneOptions.defaults();
            try {
                o = o.withMaxUnused(MaxUnused.parse(maxUnused));
            } catch (IllegalArgumentException e) {
                throw new UserError(ExitCode.USAGE, "prune.bad-max-unused", maxUnused, e.getMessage());
            }
            if (maxRepackSize != null) {
                try {
                    o = o.withMaxRepackBytes(MaxUnused.parseSize(maxRepackSize));
                } catch (IllegalArgumentException e) {
                    throw new UserError(ExitCode.USAGE, "prune.bad-size", maxRepackSize, e.getMessage());
                }
            }
            return o.withRepackCacheableOnly(repackCacheableOnly).withRepackSmall(repackSmall)
                    .withRepackUncompressed(repackUncompressed);
        }
    }

    @Override
    public Integer call() throws Exception {
        Messages msg = root.messages();
        Terminal t = root.terminal();
        PruneOptions options = flags.toOptions();
        try (Repository r = repo.open(msg, t)) {
            Pruner.requireDeletionAllowed(r);
            try (RepositoryLock lock = Locking.lock(r, true, root)) {
                ObjectNode out = run(r, lock, options, Set.of(), dryRun, json, msg, t);
                if (json) {
                    t.println(out.toString());
                }
            }
        }
        return ExitCode.OK;
    }

    /**
     * Plans, prints, and unless {@code dryRun} carries out a prune under the exclusive {@code lock}; returns the JSON
     * report (printed by the caller when {@code json}).
     */
    static ObjectNode run(Repository r, RepositoryLock lock, PruneOptions options, Set<Id> ignore, boolean dryRun,
            boolean json, Messages msg, Terminal t) {
        Pruner pruner = new Pruner(r, options);
        Progress progress = new Progress(t, msg);
        PrunePlan plan = pruner.plan(ignore, progress);
        t.clearProgress();
        if (!json) {
            print(plan.stats(), msg, t);
        }
        PruneResult result = null;
        if (!dryRun && !plan.isEmpty()) {
            result = pruner.execute(plan, lock, progress);
            t.clearProgress();
        }
        if (!json) {
            if (plan.isEmpty()) {
                t.println(msg.get("prune.nothing"));
            } else if (dryRun) {
                t.println(msg.get("prune.dry-run"));
            } else {
                t.println(msg.get("prune.done", result.millis() / 1000.0, result.packsWritten(),
                        result.packsDeleted(), msg.bytes(result.packBytesBefore()),
                        msg.bytes(result.packBytesAfter())));
            }
        }
        return toJson(plan, result, dryRun);
    }

    private static void print(PruneStats s, Messages msg, Terminal t) {
        t.println(msg.get("prune.used", s.usedBlobs(), msg.bytes(s.usedBytes())));
        if (s.duplicateBlobs() > 0) {
            t.println(msg.get("prune.duplicates", s.duplicateBlobs(), msg.bytes(s.duplicateBytes())));
        }
        t.println(msg.get("prune.unused", s.unusedBlobs(), msg.bytes(s.unusedBytes())));
        if (s.unreferencedBytes() > 0) {
            t.println(msg.get("prune.unreferenced", msg.bytes(s.unreferencedBytes())));
        }
        t.println(msg.get("prune.total", s.totalBlobs(), msg.bytes(s.totalBytes())));
        t.println(msg.get("prune.to-repack", s.repackBlobs(), msg.bytes(s.repackBytes())));
        t.println(msg.get("prune.this-removes", s.repackRemovedBlobs(), msg.bytes(s.repackRemovedBytes())));
        t.println(msg.get("prune.to-delete", s.removeBlobs(), msg.bytes(s.removeBytes() + s.unreferencedBytes())));
        t.println(msg.get("prune.total-prune", s.pruneBlobs(), msg.bytes(s.pruneBytes())));
        t.println(msg.get("prune.remaining", s.remainingBlobs(), msg.bytes(s.remainingBytes())));
        t.println(msg.get("prune.unused-after", msg.bytes(Math.max(0, s.unusedAfter())),
                percent(Math.max(0, s.unusedAfter()), s.remainingBytes())));
        t.println(msg.get("prune.packs", s.packs().keep(), s.packs().repack(), s.packs().remove(),
                s.packs().unreferenced()));
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "0 %" : String.format(java.util.Locale.ROOT, "%.2f %%", 100.0 * part / whole);
    }

    static ObjectNode toJson(PrunePlan plan, PruneResult result, boolean dryRun) {
        PruneStats s = plan.stats();
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("message_type", "prune").put("dry_run", dryRun);
        ObjectNode st = o.putObject("stats");
        st.put("used_blobs", s.usedBlobs()).put("used_size", s.usedBytes())
                .put("duplicate_blobs", s.duplicateBlobs()).put("duplicate_size", s.duplicateBytes())
                .put("unused_blobs", s.unusedBlobs()).put("unused_size", s.unusedBytes())
                .put("unreferenced_size", s.unreferencedBytes()).put("total_blobs", s.totalBlobs())
                .put("total_size", s.totalBytes()).put("repack_blobs", s.repackBlobs())
                .put("repack_size", s.repackBytes()).put("repack_removed_blobs", s.repackRemovedBlobs())
                .put("repack_removed_size", s.repackRemovedBytes()).put("remove_blobs", s.removeBlobs())
                .put("remove_size", s.removeBytes()).put("prune_blobs", s.pruneBlobs())
                .put("prune_size", s.pruneBytes()).put("remaining_blobs", s.remainingBlobs())
                .put("remaining_size", s.remainingBytes()).put("unused_size_after", Math.max(0, s.unusedAfter()));
        ObjectNode packs = o.putObject("packs");
        packs.put("used", s.packs().used()).put("partly_used", s.packs().partlyUsed()).put("unused", s.packs().unused())
                .put("keep", s.packs().keep()).put("repack", s.packs().repack()).put("remove", s.packs().remove())
                .put("unreferenced", s.packs().unreferenced());
        ids(o.putArray("repack_packs"), plan.repackPacks());
        ids(o.putArray("remove_packs"), plan.removePacks());
        ids(o.putArray("unreferenced_packs"), plan.unreferencedPacks());
        ids(o.putArray("missing_packs"), plan.missingPacks());
        if (result == null) {
            o.putNull("result");
        } else {
            o.putObject("result").put("packs_written", result.packsWritten())
                    .put("packs_deleted", result.packsDeleted()).put("index_files_written", result.indexFilesWritten())
                    .put("index_files_deleted", result.indexFilesDeleted())
                    .put("pack_bytes_before", result.packBytesBefore()).put("pack_bytes_after", result.packBytesAfter())
                    .put("bytes_read", result.bytesRead()).put("duration_seconds", result.millis() / 1000.0);
        }
        return o;
    }

    private static void ids(ArrayNode arr, Collection<Id> ids) {
        for (Id id : new TreeSet<>(ids)) {
            arr.add(id.hex());
        }
    }

    /** Prune's phases on the progress line. */
    private static final class Progress implements PruneListener {
        private final Terminal t;
        private final Messages msg;

        Progress(Terminal t, Messages msg) {
            this.t = t;
            this.msg = msg;
        }

        @Override
        public synchronized void progress(String phase, long done, long total) {
            t.progress(() -> msg.get("prune.phase." + phase) + " " + done + "/" + total, done == total);
        }
    }
}
