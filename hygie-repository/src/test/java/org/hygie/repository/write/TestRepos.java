package org.hygie.repository.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.FileInfo;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.backend.LocalBackend;
import org.hygie.repository.id.Id;
import org.hygie.repository.index.IndexFiles;
import org.hygie.repository.pack.PackEntry;

/** Repositories for the writer tests, and what their index files say. */
final class TestRepos {
    static final String PASSWORD = "correct horse";
    static final byte[] PASSWORD_BYTES = PASSWORD.getBytes(StandardCharsets.UTF_8);
    static final long POLYNOMIAL = 0x3DA3358B4DC173L;

    private TestRepos() {
    }

    static Repository init(Path dir, int version) {
        return init(new LocalBackend(dir), version);
    }

    static Repository init(Backend backend, int version) {
        return Repository.init(backend, PASSWORD_BYTES, version, POLYNOMIAL, Repository.KdfParams.TESTING);
    }

    static Repository open(Path dir) {
        return Repository.open(new LocalBackend(dir), PASSWORD_BYTES);
    }

    /** Options small enough for tests: 4 MiB packs, two workers, every blob verified. */
    static WriterOptions small() {
        return WriterOptions.defaults().withPackSizeMiB(4).withThreads(2).withVerify(true);
    }

    /** Every pack listed by the index files on the backend, in the order read, with its entries. */
    static Map<Id, List<PackEntry>> indexedPacks(Repository repo) throws IOException {
        Map<Id, List<PackEntry>> out = new LinkedHashMap<>();
        for (Id indexId : repo.list(FileType.INDEX)) {
            for (IndexFiles.PackRecord p : IndexFiles.parse(repo.loadUnpacked(FileType.INDEX, indexId))) {
                List<PackEntry> prev = out.put(p.pack(), p.entries());
                if (prev != null) {
                    throw new AssertionError("pack " + p.pack() + " listed twice");
                }
            }
        }
        return out;
    }

    static List<FileInfo> packFiles(Repository repo) throws IOException {
        return new ArrayList<>(repo.backend().list(FileType.PACK));
    }
}
