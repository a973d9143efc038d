package org.hygie.repository.write;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.FileInfo;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.cache.WriteMarks;
import org.hygie.repository.crypto.CryptoKey;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.id.Id;
import org.hygie.repository.index.IndexFiles;
import org.hygie.repository.pack.PackEntry;
import org.hygie.repository.pack.PackFormatException;
import org.hygie.repository.pack.PackReader;

/**
 * Recovery after a crash between a pack's upload and the index file listing it (restic-format.md §12: such a pack
 * is harmless, {@code restic check} only mentions it, but its blobs are unknown and would be uploaded again).
 * Lists {@code data/}, takes the packs that the index files on the backend list ({@link
 * Repository#packsListedInIndexFiles}; not the in-memory index, which may know packs whose index file was never
 * written), reads the header of every pack none of them lists, and writes index files for those packs; their blobs
 * also enter the repository's in-memory index.
 *
 * <p>A pack is skipped (and reported) when its header does not decrypt or parse, lists no blob, or does not
 * account for the file's exact size: restic would reject an index entry for it. Run it under a lock, like any
 * writing operation; a pack another process is about to index would end up in two index files, which restic
 * accepts (a "contained in several indexes" hint).
 */
public final class OrphanPacks {
    private OrphanPacks() {
    }

    /** The outcome: packs and blobs indexed, and the packs skipped with the reason. */
    public record Result(int indexed, int blobs, List<String> skipped) {
    }

    /**
     * {@link #index} when packs without index may be there ({@link WriteMarks#orphansPossible}: always on a local
     * folder, on a far store after a writer of this computer stopped before indexing), else nothing.
     */
    public static Result indexIfNeeded(Repository repo) {
        if (!WriteMarks.orphansPossible(repo.backend())) {
            return new Result(0, 0, List.of());
        }
        Result r = index(repo);
        WriteMarks.orphansIndexed(repo.backend());
        return r;
    }

    public static Result index(Repository repo) {
        Set<Id> listed = repo.packsListedInIndexFiles();
        boolean v2 = repo.config().supportsCompression();
        List<FileInfo> files;
        try {
            files = repo.backend().list(FileType.PACK);
        } catch (IOException e) {
            throw new RepositoryException(Problem.IO, repo.backend().location(), "cannot list data/: "
                    + e.getMessage(), e);
        }
        List<IndexFiles.PackRecord> found = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (FileInfo f : files) {
            Id pack = Id.parse(f.name());
            if (listed.contains(pack)) {
                continue;
            }
            List<PackEntry> entries;
            try {
                entries = PackReader.readHeader(repo.backend(), repo.key(), pack, f.size(), v2);
            } catch (PackFormatException e) {
                skipped.add(pack + ": " + e.getMessage());
                continue;
            } catch (IOException e) {
                throw new RepositoryException(Problem.IO, "data/" + pack, "cannot read pack " + pack + ": "
                        + e.getMessage(), e);
            }
            long expected = CryptoKey.OVERHEAD + 4;
            for (PackEntry e : entries) {
                expected += e.length() + e.headerSize();
            }
            if (entries.isEmpty()) {
                skipped.add(pack + ": its header lists no blob");
            } else if (expected != f.size()) {
                skipped.add(pack + ": " + f.size() + " bytes where its header accounts for " + expected);
            } else {
                found.add(new IndexFiles.PackRecord(pack, entries));
            }
        }
        int blobs = 0;
        int start = 0;
        while (start < found.size()) {
            int end = start;
            int inFile = 0;
            while (end < found.size() && (end == start
                    || inFile + found.get(end).entries().size() <= PendingIndex.MAX_BLOBS_PER_FILE)) {
                inFile += found.get(end).entries().size();
                end++;
            }
            List<IndexFiles.PackRecord> batch = found.subList(start, end);
            repo.saveUnpacked(FileType.INDEX, IndexFiles.encode(batch));
            for (IndexFiles.PackRecord p : batch) {
                repo.index().addPack(p.pack(), p.entries());
            }
            blobs += inFile;
            start = end;
        }
        return new Result(found.size(), blobs, List.copyOf(skipped));
    }
}
