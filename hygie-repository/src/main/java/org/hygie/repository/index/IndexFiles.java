package org.hygie.repository.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hygie.repository.id.Id;
import org.hygie.repository.json.Json;
import org.hygie.repository.pack.PackEntry;

/** Turns index JSON (current object form, or the legacy top-level array) into packs and their entries. */
public final class IndexFiles {
    private IndexFiles() {
    }

    /** One pack as an index file lists it. */
    public record PackRecord(Id pack, List<PackEntry> entries) {
    }

    /** Parses index JSON ({@link IndexDecoder}); anything malformed is an {@link IOException}. */
    public static List<PackRecord> parse(byte[] json) throws IOException {
        return IndexDecoder.decode(json);
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
}
