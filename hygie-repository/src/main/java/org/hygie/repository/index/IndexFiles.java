package org.hygie.repository.index;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hygie.repository.id.Id;
import org.hygie.repository.json.Json;
import org.hygie.repository.pack.BlobType;
import org.hygie.repository.pack.PackEntry;

/** Turns index JSON (current object form, or the legacy top-level array) into packs and their entries. */
public final class IndexFiles {
    private IndexFiles() {
    }

    /** One pack as an index file lists it. */
    public record PackRecord(Id pack, List<PackEntry> entries) {
    }

    /** Parses index JSON; anything malformed is an {@link IOException}. */
    public static List<PackRecord> parse(byte[] json) throws IOException {
        List<IndexJson.Pack> packs;
        int first = firstNonSpace(json);
        if (first >= 0 && json[first] == '[') {
            packs = Json.MAPPER.readValue(json, new TypeReference<List<IndexJson.Pack>>() { });
        } else {
            IndexJson idx = Json.read(json, IndexJson.class);
            packs = idx.packs();
        }
        if (packs == null) {
            throw new IOException("index without \"packs\"");
        }
        List<PackRecord> out = new ArrayList<>(packs.size());
        try {
            for (IndexJson.Pack p : packs) {
                List<PackEntry> entries = new ArrayList<>(p.blobs() == null ? 0 : p.blobs().size());
                if (p.blobs() != null) {
                    for (IndexJson.Blob b : p.blobs()) {
                        if (b.length() <= 0 || b.length() > Integer.MAX_VALUE || b.offset() < 0
                                || b.uncompressedLength() < 0 || b.uncompressedLength() > Integer.MAX_VALUE) {
                            throw new IOException("index entry with impossible offset or length: " + b.id());
                        }
                        entries.add(new PackEntry(BlobType.fromJson(b.type()), Id.parse(b.id()), b.offset(),
                                (int) b.length(), (int) b.uncompressedLength()));
                    }
                }
                out.add(new PackRecord(Id.parse(p.id()), entries));
            }
        } catch (IllegalArgumentException e) {
            throw new IOException("index entry malformed: " + e.getMessage(), e);
        }
        return out;
    }

    /** Index JSON as restic writes it (compact, trailing newline). */
    public static byte[] encode(List<PackRecord> packs) {
        List<IndexJson.Pack> out = new ArrayList<>(packs.size());
        for (PackRecord p : packs) {
            List<IndexJson.Blob> blobs = new ArrayList<>(p.entries().size());
            for (PackEntry e : p.entries()) {
                blobs.add(new IndexJson.Blob(e.id().hex(), e.type().json(), e.offset(), e.length(),
                        e.uncompressedLength()));
            }
            out.add(new IndexJson.Pack(p.pack().hex(), blobs));
        }
        byte[] json = Json.write(new IndexJson(null, out));
        byte[] withNewline = java.util.Arrays.copyOf(json, json.length + 1);
        withNewline[json.length] = '\n';
        return withNewline;
    }

    private static int firstNonSpace(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] != ' ' && b[i] != '\n' && b[i] != '\r' && b[i] != '\t') {
                return i;
            }
        }
        return -1;
    }
}
