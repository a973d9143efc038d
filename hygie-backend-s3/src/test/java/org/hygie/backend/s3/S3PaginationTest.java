package org.hygie.backend.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hygie.repository.backend.FileInfo;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.id.Id;
import org.junit.jupiter.api.Test;

/** S3 lists at most 1,000 keys per answer: a listing must follow the continuation token to the end. */
class S3PaginationTest {

    @Test
    void listsMoreThanOnePageOfPacksAndOfSnapshots() throws Exception {
        try (S3ProxyServer server = new S3ProxyServer();
                S3Backend b = S3Backend.open(server.location("pages", "depot"), S3ProxyServer.settings())) {
            b.create();
            Set<String> packs = saveMany(b, FileType.PACK, 2_345, 0);
            Set<String> snapshots = saveMany(b, FileType.SNAPSHOT, 1_001, 1_000_000);
            assertEquals(packs, names(b.list(FileType.PACK)));
            assertEquals(snapshots, names(b.list(FileType.SNAPSHOT)));
            assertEquals(Set.of(), names(b.list(FileType.INDEX)));
        }
    }

    private static Set<String> saveMany(S3Backend b, FileType type, int count, int base) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Set<String> names = new HashSet<>();
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                byte[] data = ByteBuffer.allocate(4).putInt(base + i).array();
                String name = Id.hash(data).hex();
                names.add(name);
                done.add(pool.submit(() -> {
                    b.save(type, name, data);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return names;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Set<String> names(List<FileInfo> files) {
        Set<String> out = new HashSet<>();
        for (FileInfo f : files) {
            assertEquals(4, f.size());
            out.add(f.name());
        }
        assertEquals(files.size(), out.size(), "no name listed twice");
        return out;
    }
}
