package org.hygie.backup.prune;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hygie.backup.walk.TreeLoader;
import org.hygie.repository.Repository;
import org.hygie.repository.id.Id;
import org.hygie.repository.pack.BlobType;
import org.hygie.repository.tree.Node;
import org.hygie.repository.tree.Tree;

/**
 * The blobs a set of snapshots use: every tree reachable from their root trees, and the content of every node
 * (restic's {@code FindUsedBlobs}; restic reads content of file nodes only, this reads it wherever it is, which can
 * only keep more). A tree that cannot be loaded stops everything: prune must not guess.
 */
final class UsedBlobs {
    private UsedBlobs() {
    }

    static Set<BlobRef> find(Repository repo, List<Id> rootTrees, PruneListener listener) {
        TreeLoader loader = new TreeLoader(repo);
        Set<BlobRef> used = new HashSet<>();
        int done = 0;
        for (Id root : rootTrees) {
            Deque<Id> todo = new ArrayDeque<>();
            if (used.add(new BlobRef(BlobType.TREE, root))) {
                todo.add(root);
            }
            while (!todo.isEmpty()) {
                Tree tree = loader.load(todo.poll());
                for (Node n : tree.nodes()) {
                    if (n.content() != null) {
                        for (Id blob : n.content()) {
                            used.add(new BlobRef(BlobType.DATA, blob));
                        }
                    }
                    Id sub = n.subtree();
                    if (sub != null && used.add(new BlobRef(BlobType.TREE, sub))) {
                        todo.add(sub);
                    }
                }
            }
            listener.progress("snapshots", ++done, rootTrees.size());
        }
        return used;
    }
}
