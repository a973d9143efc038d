package org.hygie.backup.walk;

import org.hygie.repository.Repository;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.id.Id;
import org.hygie.repository.pack.BlobType;
import org.hygie.repository.tree.Tree;
import org.hygie.repository.tree.TreeDecoder;
import org.hygie.repository.tree.TreeFormatException;

/** Loads and decodes tree blobs; a tree that does not parse is a {@link Problem#CORRUPTED} error. */
public final class TreeLoader {
    private final Repository repo;

    public TreeLoader(Repository repo) {
        this.repo = repo;
    }

    public Tree load(Id id) {
        byte[] bytes = repo.loadBlob(BlobType.TREE, id);
        try {
            return TreeDecoder.decode(bytes);
        } catch (TreeFormatException e) {
            throw new RepositoryException(Problem.CORRUPTED, id.hex(), "tree " + id + " does not parse: "
                    + e.getMessage(), e);
        }
    }
}
