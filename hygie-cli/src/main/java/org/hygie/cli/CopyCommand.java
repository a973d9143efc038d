package org.hygie.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hygie.backup.copy.Copier;
import org.hygie.backup.copy.CopyListener;
import org.hygie.backup.copy.CopyOptions;
import org.hygie.backup.copy.CopyResult;
import org.hygie.backup.forget.SnapshotFilter;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.Locations;
import org.hygie.repository.id.Id;
import org.hygie.repository.json.Json;
import org.hygie.repository.lock.RepositoryLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hygie copy --from-repo A --repo B [SNAPSHOT...]}: copies snapshots from A into B as restic's copy does
 * (only what B lacks; snapshots already copied are skipped). Shared locks on both; works on append-only storage.
 */
@Command(name = "copy", mixinStandardHelpOptions = true,
        description = "Copie des sauvegardes d'un dépôt vers un autre / copy snapshots between repositories.")
final class CopyCommand implements Callable<Integer> {
    @ParentCommand
    HygieCommand root;

    /** The destination. */
    @Mixin
    RepositoryOptions repo = new RepositoryOptions();

    @Mixin
    From from = new From();

    @Parameters(arity = "0..*", paramLabel = "SAUVEGARDE", description = "Sauvegardes à copier (id, préfixe, latest ;"
            + " défaut : toutes) / snapshots to copy (default: all).")
    List<String> snapshots = new ArrayList<>();

    @Option(names = {"-H", "--host"}, paramLabel = "POSTE", description = "Seulement ce poste (répétable) / only "
            + "this host.")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--tag", paramLabel = "ÉTIQUETTES", description = "Seulement avec ces étiquettes (a,b ; "
            + "répétable) / only snapshots with these tags.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--path", paramLabel = "CHEMIN", description = "Seulement avec ce chemin (répétable) / only "
            + "snapshots with this path.")
    List<String> paths = new ArrayList<>();

    @Option(names = "--json", description = "Résumé JSON / JSON summary.")
    boolean json;

    /** The source repository: {@code --from-repo}, {@code --from-password-file}, or their environment variables. */
    static final class From {
        @Option(names = "--from-repo", paramLabel = "DÉPÔT", description = "Dépôt source / source repository. "
                + "Défaut : HYGIE_FROM_REPOSITORY.")
        String location;

        @Option(names = "--from-password-file", paramLabel = "FICHIER", description = "Mot de passe du dépôt source "
                + "/ source password file. Défaut : HYGIE_FROM_PASSWORD_FILE, HYGIE_FROM_PASSWORD, ou demandé.")
        Path passwordFile;

        /** The source, through its local copy unless {@code noCache} (a far repository's index and snapshots). */
        Repository open(Messages msg, Terminal t, boolean noCache) {
            String where = location != null ? location : System.getenv("HYGIE_FROM_REPOSITORY");
            if (where == null || where.isBlank()) {
                throw new UserError(ExitCode.USAGE, "copy.no-source");
            }
            RepositoryOptions.checkAddressAndOptions(where, Map.of()); // before the password is asked
            Path file = passwordFile;
            if (file == null && System.getenv("HYGIE_FROM_PASSWORD_FILE") != null) {
                file = Path.of(System.getenv("HYGIE_FROM_PASSWORD_FILE"));
            }
            byte[] password;
            if (file != null) {
                password = RepositoryOptions.readPasswordFile(file, t, msg);
            } else if (System.getenv("HYGIE_FROM_PASSWORD") != null) {
                password = System.getenv("HYGIE_FROM_PASSWORD").getBytes(StandardCharsets.UTF_8);
            } else {
                password = RepositoryOptions.prompt(msg, false, "prompt.from-password");
            }
            Repository r = Repository.open(Locations.open(where), password);
            return RepositoryOptions.throughLocalCopy(r, noCache, msg, t);
        }
    }

    @Override
    public Integer call() throws Exception {
        Messages msg = root.messages();
        Terminal t = root.terminal();
        List<List<String>> tagLists = new ArrayList<>();
        tags.forEach(tag -> tagLists.add(SnapshotFilter.tagList(tag)));
        CopyOptions options = CopyOptions.all().withSnapshots(snapshots)
                .withFilter(new SnapshotFilter(hosts, tagLists, paths));
        CopyResult result;
        try (Repository source = from.open(msg, t, repo.noCache); Repository destination = repo.open(msg, t)) {
            if (source.config().id().equals(destination.config().id())) {
                throw new UserError(ExitCode.USAGE, "copy.same-repository");
            }
            try (RepositoryLock a = Locking.lock(source, false, root);
                    RepositoryLock b = Locking.lock(destination, false, root)) {
                result = new Copier(source, destination, options).run(new Progress(t, msg, json));
            }
        }
        t.clearProgress();
        if (json) {
            t.println(toJson(result).toString());
        } else {
            t.println(msg.get("copy.summary", result.copied().size(), result.skipped().size(), result.treeBlobs(),
                    result.dataBlobs(), msg.bytes(result.bytes()), msg.bytes(result.storedBytes())));
        }
        return ExitCode.OK;
    }

    static ObjectNode toJson(CopyResult r) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("message_type", "summary");
        ArrayNode copied = o.putArray("copied");
        for (CopyResult.Copied c : r.copied()) {
            copied.addObject().put("source", c.source().hex()).put("copy", c.copy().hex());
        }
        ArrayNode skipped = o.putArray("skipped");
        for (CopyResult.Skipped s : r.skipped()) {
            skipped.addObject().put("source", s.source().hex()).put("existing", s.existing().hex());
        }
        o.put("tree_blobs", r.treeBlobs()).put("data_blobs", r.dataBlobs()).put("bytes_added", r.bytes())
                .put("bytes_stored", r.storedBytes()).put("duration_seconds", r.millis() / 1000.0);
        return o;
    }

    /** One line per snapshot, packs read on the progress line. */
    private static final class Progress implements CopyListener {
        private final Terminal t;
        private final Messages msg;
        private final boolean quiet;

        Progress(Terminal t, Messages msg, boolean quiet) {
            this.t = t;
            this.msg = msg;
            this.quiet = quiet;
        }

        @Override
        public synchronized void started(Id source, int done, int total) {
            if (!quiet) {
                t.clearProgress();
                t.println(msg.get("copy.start", source.shortHex(), done, total));
            }
        }

        @Override
        public synchronized void packs(long done, long total) {
            t.progress(() -> msg.get("copy.progress", done, total), done == total);
        }

        @Override
        public synchronized void skipped(Id source, Id existing) {
            if (!quiet) {
                t.clearProgress();
                t.println(msg.get("copy.skipped", source.shortHex(), existing.shortHex()));
            }
        }

        @Override
        public synchronized void copied(Id source, Id copy) {
            if (!quiet) {
                t.clearProgress();
                t.println(msg.get("copy.copied", copy.shortHex()));
            }
        }
    }
}
