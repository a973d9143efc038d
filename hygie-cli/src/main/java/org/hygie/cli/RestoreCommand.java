package org.hygie.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hygie.backup.restore.RestoreListener;
import org.hygie.backup.restore.RestoreOptions;
import org.hygie.backup.restore.RestoreResult;
import org.hygie.backup.restore.RestoreTexts;
import org.hygie.backup.restore.Restorer;
import org.hygie.repository.Repository;
import org.hygie.repository.id.Id;
import org.hygie.repository.json.Json;
import org.hygie.repository.lock.RepositoryLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code hygie restore SNAPSHOT --target DIR}: brings a snapshot back into a folder. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restaure une sauvegarde dans un dossier / restore a snapshot into a folder.")
final class RestoreCommand implements Callable<Integer> {
    @ParentCommand
    HygieCommand root;

    @Mixin
    RepositoryOptions repo = new RepositoryOptions();

    @Parameters(index = "0", paramLabel = "SAUVEGARDE", description = "id, préfixe ou latest / id, prefix or latest")
    String snapshot;

    @Option(names = {"-t", "--target"}, required = true, paramLabel = "DOSSIER",
            description = "Dossier où restaurer / folder to restore into.")
    Path target;

    @Option(names = {"-i", "--include"}, paramLabel = "MOTIF",
            description = "Ne restaurer que ce qui correspond (répétable) / restore only matching paths (repeatable).")
    List<String> includes = new ArrayList<>();

    @Option(names = "--overwrite", description = "Remplacer les fichiers existants / replace existing files.")
    boolean overwrite;

    @Option(names = "--json", description = "Résumé JSON / JSON summary.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Messages msg = root.messages();
        Terminal t = root.terminal();
        RestoreResult result;
        try (Repository r = repo.open(msg, t); RepositoryLock lock = Locking.lock(r, false, root)) {
            Id snapId = r.resolveSnapshot(snapshot);
            Id tree = Id.parse(r.loadSnapshot(snapId).tree());
            if (!json) {
                t.println(msg.get("restore.start", snapId.shortHex(), target));
            }
            RestoreOptions options = RestoreOptions.to(target).withIncludes(includes).withOverwrite(overwrite);
            result = new Restorer(r, options, new Progress(t, msg)).restore(tree);
        }
        t.clearProgress();
        if (json) {
            t.println(toJson(result).toString());
        } else {
            t.println(msg.get("restore.done", result.files(), result.dirs(), msg.bytes(result.bytes()),
                    result.millis() / 1000.0));
            if (!result.complete()) {
                t.println(msg.get("restore.problems", result.problems().size()));
            }
        }
        return result.complete() ? ExitCode.OK : ExitCode.PARTIAL;
    }

    static ObjectNode toJson(RestoreResult r) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("message_type", "summary").put("files_restored", r.files()).put("dirs_restored", r.dirs())
                .put("symlinks_restored", r.symlinks()).put("hardlinks_restored", r.hardlinks())
                .put("specials_restored", r.specials()).put("bytes_restored", r.bytes())
                .put("duration_seconds", r.millis() / 1000.0);
        var errs = o.putArray("errors");
        for (RestoreResult.Problem p : r.problems()) {
            errs.addObject().put("path", p.path()).put("reason", p.reason().key()).put("message", p.message());
        }
        return o;
    }

    /** Renders restore progress on the terminal and problems as warnings. */
    private static final class Progress implements RestoreListener {
        private final Terminal t;
        private final Messages msg;
        private volatile long files;
        private volatile long bytes;

        Progress(Terminal t, Messages msg) {
            this.t = t;
            this.msg = msg;
        }

        @Override
        public void planned(long files, long bytes) {
            this.files = files;
            this.bytes = bytes;
        }

        @Override
        public synchronized void progress(long filesDone, long bytesDone) {
            t.progress(() -> msg.get("restore.progress", filesDone, files, msg.bytes(bytesDone), msg.bytes(bytes),
                    bytes == 0 ? 100 : 100 * bytesDone / bytes), false);
        }

        @Override
        public synchronized void problem(RestoreResult.Problem p) {
            t.warn(msg.get("restore.problem", p.path(), RestoreTexts.reason(p, msg.locale())));
        }
    }
}
