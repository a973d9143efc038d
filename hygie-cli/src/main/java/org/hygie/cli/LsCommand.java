package org.hygie.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.hygie.backup.walk.SnapshotPath;
import org.hygie.backup.walk.TreeLoader;
import org.hygie.repository.Repository;
import org.hygie.repository.id.Id;
import org.hygie.repository.json.Json;
import org.hygie.repository.lock.RepositoryLock;
import org.hygie.repository.tree.Node;
import org.hygie.repository.tree.NodeType;
import org.hygie.repository.tree.Tree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code hygie ls SNAPSHOT [PATH]}: lists what a snapshot holds. */
@Command(name = "ls", mixinStandardHelpOptions = true,
        description = "Liste le contenu d'une sauvegarde / list the files in a snapshot.")
final class LsCommand implements Callable<Integer> {
    @ParentCommand
    HygieCommand root;

    @Mixin
    RepositoryOptions repo = new RepositoryOptions();

    @Parameters(index = "0", paramLabel = "SAUVEGARDE", description = "id, préfixe ou latest / id, prefix or latest")
    String snapshot;

    @Parameters(index = "1", arity = "0..1", paramLabel = "CHEMIN", description = "dossier dans la sauvegarde / folder")
    String path = "/";

    @Option(names = {"-l", "--long"}, description = "Détails (mode, taille, date) / details.")
    boolean longFormat;

    @Option(names = "--json", description = "Une ligne JSON par entrée / one JSON line per entry.")
    boolean json;

    @Override
    public Integer call() {
        Terminal t = root.terminal();
        try (Repository r = repo.open(root.messages(), t); RepositoryLock lock = Locking.lock(r, false, root)) {
            Id snapId = r.resolveSnapshot(snapshot);
            TreeLoader loader = new TreeLoader(r);
            Id start = SnapshotPath.directory(loader, Id.parse(r.loadSnapshot(snapId).tree()), path);
            String prefix = "/" + String.join("/", SnapshotPath.components(path));
            list(loader, start, prefix.equals("/") ? "" : prefix, t);
        } catch (java.io.IOException e) {
            throw new UserError(ExitCode.FAILED, "error.unexpected", e.getMessage());
        }
        return ExitCode.OK;
    }

    private void list(TreeLoader loader, Id treeId, String dir, Terminal t) {
        Tree tree = loader.load(treeId);
        for (Node n : tree.nodes()) {
            String p = dir + "/" + n.nameString();
            if (json) {
                ObjectNode o = Json.MAPPER.createObjectNode();
                o.put("name", n.nameString()).put("type", n.typeName()).put("path", p).put("mode", n.mode())
                        .put("size", n.size()).put("mtime", n.mtime() == null ? null : n.mtime().toString());
                t.println(o.toString());
            } else if (longFormat) {
                t.println(String.format("%-10s %10d %s %s%s", modeString(n), n.size(),
                        n.mtime() == null ? "" : n.mtime().toLocalDateTime().withNano(0).toString().replace('T', ' '),
                        p, n.type() == NodeType.SYMLINK ? " -> " + n.linkTargetString() : ""));
            } else {
                t.println(p);
            }
            if (n.type() == NodeType.DIR && n.subtree() != null) {
                list(loader, n.subtree(), p, t);
            }
        }
    }

    private static String modeString(Node n) {
        char kind = switch (n.type()) {
            case DIR -> 'd';
            case SYMLINK -> 'L';
            case FIFO -> 'p';
            case SOCKET -> 'S';
            case DEV -> 'D';
            case CHARDEV -> 'c';
            default -> '-';
        };
        StringBuilder sb = new StringBuilder().append(kind);
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            sb.append((n.mode() & (1L << (8 - i))) != 0 ? rwx.charAt(i) : '-');
        }
        return sb.toString();
    }
}
