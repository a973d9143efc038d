package org.hygie.backup.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.crypto.CryptoKey;
import org.hygie.repository.id.Id;
import org.hygie.repository.index.IndexFiles;
import org.hygie.repository.json.Json;
import org.hygie.repository.pack.BlobType;
import org.hygie.repository.pack.PackEntry;
import org.hygie.repository.pack.PackHeader;
import org.hygie.repository.snapshot.Snapshot;

/**
 * Writes blobs, trees and snapshots by hand (one pack per call, stored uncompressed), so that tests can build
 * repositories no honest program would write: hostile names, broken trees.
 */
public final class HandmadeRepo {
    private final Repository repo;

    public HandmadeRepo(Repository repo) {
        this.repo = repo;
    }

    /** Stores the blobs (all of one type) in a new pack and indexes it; returns their ids. */
    public List<Id> pack(BlobType type, List<byte[]> blobs) {
        ByteArrayOutputStream pack = new ByteArrayOutputStream();
        List<PackEntry> entries = new ArrayList<>();
        List<Id> ids = new ArrayList<>();
        CryptoKey key = repo.key();
        for (byte[] b : blobs) {
            Id id = Id.hash(b);
            byte[] enc = key.encrypt(b);
            entries.add(new PackEntry(type, id, pack.size(), enc.length, 0));
            pack.writeBytes(enc);
            ids.add(id);
        }
        byte[] header = key.encrypt(PackHeader.encode(entries));
        pack.writeBytes(header);
        int len = header.length;
        pack.writeBytes(new byte[] {(byte) len, (byte) (len >>> 8), (byte) (len >>> 16), (byte) (len >>> 24)});
        byte[] bytes = pack.toByteArray();
        Id packId = Id.hash(bytes);
        try {
            repo.backend().save(FileType.PACK, packId.hex(), bytes);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        repo.saveUnpacked(FileType.INDEX, IndexFiles.encode(List.of(new IndexFiles.PackRecord(packId, entries))));
        return ids;
    }

    public Id data(String content) {
        return pack(BlobType.DATA, List.of(content.getBytes(StandardCharsets.UTF_8))).get(0);
    }

    /** Stores a tree given as raw JSON text (anything goes). */
    public Id tree(String json) {
        return pack(BlobType.TREE, List.of(json.getBytes(StandardCharsets.UTF_8))).get(0);
    }

    public Id snapshot(Id tree) {
        Snapshot s = new Snapshot("2026-01-02T03:04:05Z", null, tree.hex(), List.of("/src"), "test", "test", 0, 0,
                null, null, null);
        return repo.saveUnpacked(FileType.SNAPSHOT, Json.write(s));
    }

    /** JSON of a file node with the given (already JSON-escaped, Go-quoted) name and content. */
    public static String file(String name, Id... content) {
        StringBuilder ids = new StringBuilder();
        for (Id id : content) {
            ids.append(ids.length() == 0 ? "" : ",").append('"').append(id.hex()).append('"');
        }
        return "{\"name\":\"" + name + "\",\"type\":\"file\",\"mode\":420,\"mtime\":\"2026-01-01T00:00:00Z\","
                + "\"atime\":\"2026-01-01T00:00:00Z\",\"ctime\":\"2026-01-01T00:00:00Z\",\"uid\":0,\"gid\":0,"
                + "\"content\":[" + ids + "]}";
    }

    public static String dir(String name, Id subtree) {
        return "{\"name\":\"" + name + "\",\"type\":\"dir\",\"mode\":2147484141,\"mtime\":\"2026-01-01T00:00:00Z\","
                + "\"atime\":\"2026-01-01T00:00:00Z\",\"ctime\":\"2026-01-01T00:00:00Z\",\"uid\":0,\"gid\":0,"
                + "\"content\":null,\"subtree\":\"" + subtree.hex() + "\"}";
    }

    public static String symlink(String name, String target) {
        return "{\"name\":\"" + name + "\",\"type\":\"symlink\",\"mode\":134218239,\"mtime\":\"2026-01-01T00:00:00Z\","
                + "\"atime\":\"2026-01-01T00:00:00Z\",\"ctime\":\"2026-01-01T00:00:00Z\",\"uid\":0,\"gid\":0,"
                + "\"linktarget\":\"" + target + "\",\"content\":null}";
    }

    public static String nodes(String... nodes) {
        return "{\"nodes\":[" + String.join(",", nodes) + "]}\n";
    }
}
