package org.hygie.backup.prune;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.FileInfo;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.id.Id;
import org.hygie.repository.index.IndexFiles;
import org.hygie.repository.pack.PackEntry;

/**
 * What the index files say (every entry of every pack, duplicates included: the in-memory index keeps one
 * location per blob, prune needs them all) and which pack files are stored, with their sizes. A pack listed by
 * several index files gets the union of their entries.
 */
record PackInventory(List<Id> indexFiles, Map<Id, List<PackEntry>> packs, Map<Id, Long> stored) {

    static PackInventory read(Repository repo) {
        List<Id> indexFiles = repo.list(FileType.INDEX);
        Map<Id, List<PackEntry>> packs = new LinkedHashMap<>();
        for (Id indexId : indexFiles) {
            List<IndexFiles.PackRecord> records;
            try {
                records = IndexFiles.parse(repo.loadUnpacked(FileType.INDEX, indexId));
            } catch (IOException e) {
                throw new RepositoryException(Problem.CORRUPTED, "index/" + indexId, "index does not parse: "
                        + e.getMessage(), e);
            }
            for (IndexFiles.PackRecord p : records) {
                List<PackEntry> merged = packs.computeIfAbsent(p.pack(), k -> new ArrayList<>());
                for (PackEntry e : p.entries()) {
                    if (!merged.contains(e)) {
                        merged.add(e);
                    }
                }
            }
        }
        Map<Id, Long> stored = new LinkedHashMap<>();
        try {
            for (FileInfo f : repo.backend().list(FileType.PACK)) {
                stored.put(Id.parse(f.name()), f.size());
            }
        } catch (IOException e) {
            throw new RepositoryException(Problem.IO, repo.backend().location(), "cannot list data/: "
                    + e.getMessage(), e);
        }
        return new PackInventory(List.copyOf(indexFiles), packs, stored);
    }
}
