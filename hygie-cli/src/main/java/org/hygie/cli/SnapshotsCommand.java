package org.hygie.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hygie.repository.Repository;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.json.Json;
import org.hygie.repository.lock.RepositoryLock;
import org.hygie.repository.snapshot.Snapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code hygie snapshots}: lists the snapshots of a repository, as a table or as restic's JSON. */
@Command(name = "snapshots", mixinStandardHelpOptions = true,
        description = "Liste les sauvegardes du dépôt / list the repository's snapshots.")
final class SnapshotsCommand implements Callable<Integer> {
    @ParentCommand
    HygieCommand root;

    @Mixin
    RepositoryOptions repo = new RepositoryOptions();

    @Option(names = "--json", description = "Sortie JSON (comme restic) / JSON output (as restic's).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Messages msg = root.messages();
        Terminal t = root.terminal();
        List<RepositoryException> errors = new ArrayList<>();
        List<Repository.SnapshotEntry> snaps;
        try (Repository r = repo.open(msg, t); RepositoryLock lock = Locking.lock(r, false, root)) {
            snaps = r.snapshots(errors::add);
        }
        for (RepositoryException e : errors) {
            t.warn(msg.get("snapshots.unreadable", e.subject(), e.getMessage()));
        }
        if (json) {
            t.println(Json.MAPPER.writeValueAsString(toJson(snaps)));
        } else {
            printTable(snaps, msg, t);
        }
        return errors.isEmpty() ? ExitCode.OK : ExitCode.PARTIAL;
    }

    static ArrayNode toJson(List<Repository.SnapshotEntry> snaps) {
        ArrayNode arr = Json.MAPPER.createArrayNode();
        for (Repository.SnapshotEntry e : snaps) {
            ObjectNode o = Json.MAPPER.valueToTree(e.snapshot());
            o.put("id", e.id().hex());
            o.put("short_id", e.id().shortHex());
            arr.add(o);
        }
        return arr;
    }

    private static void printTable(List<Repository.SnapshotEntry> snaps, Messages msg, Terminal t) {
        String fmt = "%-8s  %-19s  %-16s  %-12s  %s";
        t.println(String.format(fmt, "ID", msg.get("snapshots.time"), msg.get("snapshots.host"),
                msg.get("snapshots.tags"), msg.get("snapshots.paths")));
        t.println("-".repeat(78));
        for (Repository.SnapshotEntry e : snaps) {
            Snapshot s = e.snapshot();
            String time = s.instant().atZoneSameInstant(java.time.ZoneId.systemDefault()).toLocalDateTime()
                    .withNano(0).toString().replace('T', ' ');
            t.println(String.format(fmt, e.id().shortHex(), time, nullToEmpty(s.hostname()),
                    String.join(",", s.tags()), String.join(", ", s.paths())));
        }
        t.println("-".repeat(78));
        t.println(msg.get("snapshots.count", snaps.size()));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
