package org.hygie.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.hygie.backup.check.CheckListener;
import org.hygie.backup.check.CheckReport;
import org.hygie.backup.check.Checker;
import org.hygie.backup.check.Finding;
import org.hygie.backup.check.ReadData;
import org.hygie.repository.Repository;
import org.hygie.repository.json.Json;
import org.hygie.repository.lock.RepositoryLock;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code hygie check}: verifies a repository and says what any damage affects. Exit 0 healthy, 1 damaged. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Vérifie le dépôt (et avec --read-data chaque octet) / check the repository (every byte with "
                + "--read-data).")
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    HygieCommand root;

    @Mixin
    RepositoryOptions repo = new RepositoryOptions();

    @ArgGroup(exclusive = true)
    DataChoice data;

    static final class DataChoice {
        @Option(names = "--read-data", description = "Lire toutes les données / read all data.")
        boolean all;

        @Option(names = "--read-data-subset", paramLabel = "n/m|x%",
                description = "Lire une partie des données / read a subset of the data.")
        String subset;
    }

    @Option(names = "--json", description = "Rapport JSON / JSON report.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Messages msg = root.messages();
        Terminal t = root.terminal();
        ReadData readData = ReadData.NONE;
        if (data != null) {
            try {
                readData = data.all ? ReadData.ALL : ReadData.parseSubset(data.subset);
            } catch (IllegalArgumentException e) {
                throw new UserError(ExitCode.USAGE, "check.bad-subset", data.subset);
            }
        }
        CheckReport report;
        try (Repository r = repo.openUncached(msg, t); RepositoryLock lock = Locking.lock(r, true, root)) {
            report = new Checker(r, readData, new Progress(t, msg)).run();
        }
        t.clearProgress();
        if (json) {
            t.println(toJson(report).toString());
        } else {
            print(report, msg, t);
        }
        return report.healthy() ? ExitCode.OK : ExitCode.FAILED;
    }

    private static void print(CheckReport report, Messages msg, Terminal t) {
        for (Finding f : report.findings()) {
            t.println((f.isError() ? msg.get("check.error") : msg.get("check.hint")) + " "
                    + msg.get("check.kind." + f.kind().name().toLowerCase(java.util.Locale.ROOT), f.subject()));
            t.println("    " + f.detail());
            if (!f.affectedSnapshots().isEmpty()) {
                t.println("    " + msg.get("check.affects-snapshots", String.join(", ", f.affectedSnapshots())));
            }
            for (String p : f.affectedPaths()) {
                t.println("      " + p);
            }
            if (f.affectedPathCount() > f.affectedPaths().size()) {
                t.println("      " + msg.get("check.more-paths", f.affectedPathCount() - f.affectedPaths().size()));
            }
        }
        t.println(msg.get("check.summary", report.snapshots(), report.packs(), report.blobs(), report.packsRead(),
                msg.bytes(report.bytesRead())));
        t.println(report.healthy() ? msg.get("check.healthy") : msg.get("check.damaged", report.errorCount()));
    }

    static ObjectNode toJson(CheckReport report) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("healthy", report.healthy()).put("errors", report.errorCount()).put("snapshots", report.snapshots())
                .put("packs", report.packs()).put("blobs", report.blobs()).put("packs_read", report.packsRead())
                .put("bytes_read", report.bytesRead());
        var arr = o.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode fo = arr.addObject();
            fo.put("severity", f.isError() ? "error" : "hint").put("kind", f.kind().name().toLowerCase(
                    java.util.Locale.ROOT)).put("subject", f.subject()).put("detail", f.detail());
            var snaps = fo.putArray("affected_snapshots");
            f.affectedSnapshots().forEach(snaps::add);
            var paths = fo.putArray("affected_paths");
            f.affectedPaths().forEach(paths::add);
            fo.put("affected_path_count", f.affectedPathCount());
        }
        return o;
    }

    private static final class Progress implements CheckListener {
        private final Terminal t;
        private final Messages msg;

        Progress(Terminal t, Messages msg) {
            this.t = t;
            this.msg = msg;
        }

        @Override
        public synchronized void progress(String phase, long done, long total) {
            t.progress(() -> msg.get("check.phase." + phase) + " " + done + "/" + total, done == total);
        }
    }
}
