package org.hygie.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hygie.backup.archiver.Archiver;
import org.hygie.backup.archiver.BackupListener;
import org.hygie.backup.archiver.BackupOptions;
import org.hygie.backup.archiver.BackupSummary;
import org.hygie.backup.archiver.SourceException;
import org.hygie.repository.Repository;
import org.hygie.repository.id.Id;
import org.hygie.repository.json.Json;
import org.hygie.repository.lock.RepositoryLock;
import org.hygie.repository.write.OrphanPacks;
import org.hygie.repository.write.RepositoryWriter;
import org.hygie.repository.write.WriterOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code hygie backup PATH...}: saves folders into the repository, restic-compatible. Exit 3 when some files
 * could not be read. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Sauvegarde des dossiers dans le dépôt / back up folders into the repository.")
final class BackupCommand implements Callable<Integer> {
    @ParentCommand
    HygieCommand root;

    @Mixin
    RepositoryOptions repo = new RepositoryOptions();

    @Parameters(arity = "0..*", paramLabel = "CHEMIN", description = "Dossiers ou fichiers / folders or files.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--before-update", description = "Avant une mise à jour du logiciel du cabinet : sauvegarde "
            + "étiquetée de tous les dossiers du cabinet sur chaque support branché (--config) / before updating the "
            + "practice software: a tagged snapshot of every practice folder on each present medium.")
    boolean beforeUpdate;

    @picocli.CommandLine.Mixin
    PracticeOptions practice = new PracticeOptions();

    @Option(names = "--tag", paramLabel = "ÉTIQUETTE", description = "Étiquette (répétable) / tag (repeatable).")
    List<String> tags = new ArrayList<>();

    @Option(names = {"-e", "--exclude"}, paramLabel = "MOTIF", description = "Exclure (répétable) / exclude a pattern.")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--exclude-file", paramLabel = "FICHIER", description = "Motifs à exclure, un par ligne / "
            + "patterns to exclude, one per line.")
    List<Path> excludeFiles = new ArrayList<>();

    @Option(names = "--exclude-caches", description = "Exclure les dossiers de cache (CACHEDIR.TAG) / exclude caches.")
    boolean excludeCaches;

    @Option(names = {"-x", "--one-file-system"}, description = "Rester sur le même système de fichiers / stay on one "
            + "file system.")
    boolean oneFileSystem;

    @Option(names = {"-H", "--host"}, paramLabel = "NOM", description = "Nom du poste enregistré / host name to record.")
    String host;

    @Option(names = "--parent", paramLabel = "SAUVEGARDE", description = "Sauvegarde parente / parent snapshot.")
    String parent;

    @Option(names = {"-f", "--force"}, description = "Tout relire, sans parent / read every file, no parent.")
    boolean force;

    @Option(names = "--json", description = "Résumé JSON (comme restic) / JSON summary (as restic's).")
    boolean json;

    @Override
    public Integer call() throws IOException {
        Messages msg = root.messages();
        Terminal t = root.terminal();
        if (beforeUpdate) {
            return BeforeUpdate.run(practice, json, msg, t);
        }
        if (paths.isEmpty()) {
            throw new UserError(ExitCode.USAGE, "backup.no-path");
        }
        List<String> allExcludes = new ArrayList<>(excludes);
        for (Path f : excludeFiles) {
            allExcludes.addAll(readPatterns(f));
        }
        BackupSummary summary;
        try (Repository r = repo.open(msg, t); RepositoryLock lock = Locking.lock(r, false, root)) {
            Id parentId = parent == null ? null : r.resolveSnapshot(parent);
            OrphanPacks.Result recovered = OrphanPacks.indexIfNeeded(r);
            if (recovered.indexed() > 0 && !json) {
                t.println(msg.get("backup.recovered", recovered.indexed()));
            }
            BackupOptions options = BackupOptions.of(paths).withTags(tags).withHost(host)
                    .withExcludes(allExcludes, excludeCaches, oneFileSystem).withParent(parentId, force);
            try (RepositoryWriter writer = new RepositoryWriter(r, WriterOptions.defaults())) {
                summary = new Archiver(r, writer, options, new Progress(t, msg)).run();
            }
        } catch (SourceException e) {
            throw new UserError(ExitCode.FAILED, "backup.source-missing", e.path());
        }
        t.clearProgress();
        if (json) {
            t.println(toJson(summary).toString());
        } else {
            print(summary, msg, t);
        }
        return summary.complete() ? ExitCode.OK : ExitCode.PARTIAL;
    }

    private static List<String> readPatterns(Path f) {
        try {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    out.add(s);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UserError(ExitCode.FAILED, "backup.exclude-file", f, e.getMessage());
        }
    }

    private static void print(BackupSummary s, Messages msg, Terminal t) {
        t.println(msg.get("backup.files", s.filesNew(), s.filesChanged(), s.filesUnmodified()));
        t.println(msg.get("backup.dirs", s.dirsNew(), s.dirsChanged(), s.dirsUnmodified()));
        t.println(msg.get("backup.added", msg.bytes(s.dataAdded()), msg.bytes(s.dataAddedPacked())));
        t.println(msg.get("backup.processed", s.totalFiles(), msg.bytes(s.totalBytes()), s.millis() / 1000.0));
        t.println(msg.get("backup.snapshot", s.snapshot().shortHex()));
        if (!s.complete()) {
            t.println(msg.get("backup.incomplete", s.warnings().size()));
        }
    }

    static ObjectNode toJson(BackupSummary s) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("message_type", "summary").put("files_new", s.filesNew()).put("files_changed", s.filesChanged())
                .put("files_unmodified", s.filesUnmodified()).put("dirs_new", s.dirsNew())
                .put("dirs_changed", s.dirsChanged()).put("dirs_unmodified", s.dirsUnmodified())
                .put("data_blobs", s.dataBlobs()).put("tree_blobs", s.treeBlobs()).put("data_added", s.dataAdded())
                .put("data_added_packed", s.dataAddedPacked()).put("total_files_processed", s.totalFiles())
                .put("total_bytes_processed", s.totalBytes()).put("total_duration", s.millis() / 1000.0)
                .put("snapshot_id", s.snapshot().hex()).put("parent", s.parent() == null ? null : s.parent().hex());
        var w = o.putArray("warnings");
        for (BackupSummary.Warning x : s.warnings()) {
            w.addObject().put("path", x.path()).put("message", x.message());
        }
        return o;
    }

    /** Files, bytes, rate and time left on the terminal; warnings as they come. */
    private static final class Progress implements BackupListener {
        private final Terminal t;
        private final Messages msg;
        private final long start = System.nanoTime();
        private volatile long totalBytes;
        private volatile boolean totalKnown;

        Progress(Terminal t, Messages msg) {
            this.t = t;
            this.msg = msg;
        }

        @Override
        public void scanned(long files, long bytes, boolean complete) {
            totalBytes = bytes;
            totalKnown = complete;
        }

        @Override
        public synchronized void processed(long files, long bytes) {
            t.progress(() -> line(files, bytes), false);
        }

        private String line(long files, long bytes) {
            double secs = Math.max(0.001, (System.nanoTime() - start) / 1e9);
            double rate = bytes / secs;
            String left = totalKnown && rate > 0 && totalBytes > bytes
                    ? msg.get("backup.eta", (long) ((totalBytes - bytes) / rate)) : "";
            return msg.get("backup.progress", files, msg.bytes(bytes), msg.bytes(totalBytes),
                    msg.bytes((long) rate), left);
        }

        @Override
        public synchronized void warning(String path, String message) {
            t.warn(msg.get("backup.warning", path, message));
        }
    }
}
