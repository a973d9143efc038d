package org.hygie.backup.walk;

import java.util.ArrayList;
import java.util.List;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.id.Id;
import org.hygie.repository.tree.Node;
import org.hygie.repository.tree.NodeType;
import org.hygie.repository.tree.Tree;

/** Finds the node at a path inside a snapshot ({@code /home/u/doc.txt}), walking trees from the root. */
public final class SnapshotPath {
    private SnapshotPath() {
    }

    /** Path components of an absolute or relative path inside a snapshot; "" and "." are dropped. */
    public static List<String> components(String path) {
        List<String> out = new ArrayList<>();
        for (String c : path.split("/")) {
            if (!c.isEmpty() && !c.equals(".")) {
                out.add(c);
            }
        }
        return out;
    }

    /** The tree id of the directory at {@code path}; the root tree for "/" or "". */
    public static Id directory(TreeLoader loader, Id root, String path) {
        Id current = root;
        for (String c : components(path)) {
            Tree t = loader.load(current);
            Node n = t.find(c).orElseThrow(() -> new RepositoryException(Problem.NOT_FOUND, path,
                    "no " + path + " in the snapshot"));
            if (n.type() != NodeType.DIR || n.subtree() == null) {
                throw new RepositoryException(Problem.NOT_FOUND, path, path + " is not a folder in the snapshot");
            }
            current = n.subtree();
        }
        return current;
    }
}
