package org.hygie.repository.index;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hygie.repository.id.Id;
import org.hygie.repository.index.IndexFiles.PackRecord;
import org.hygie.repository.json.Json;
import org.hygie.repository.pack.BlobType;
import org.hygie.repository.pack.PackEntry;

/**
 * Reads index JSON token by token, as restic 0.14 reads it with Go's {@code encoding/json}: the object form
 * ({@code {"supersedes":[...],"packs":[...]}}) or the legacy top-level array of packs; keys match
 * case-insensitively, unknown keys are skipped, {@code null} numbers are 0, data after the value is refused.
 * Every index of a repository is read at each command, so this is on the start-up path of every night: the same
 * work through Jackson's data binding (records built by reflection) took 58 ms for 2,000 blobs in a fresh JVM,
 * this 35 ({@code IndexParseBenchmark}).
 * Ids are decoded from the parser's characters, without a string per id.
 */
final class IndexDecoder {
    private IndexDecoder() {
    }

    /** Parses index JSON; anything malformed or impossible is an {@link IOException}. */
    static List<PackRecord> decode(byte[] json) throws IOException {
        try (JsonParser p = Json.MAPPER.getFactory().createParser(json)) {
            JsonToken t = p.nextToken();
            List<PackRecord> packs = null;
            if (t == JsonToken.START_ARRAY) {
                packs = readArray(p, t, "\"packs\"", "a pack", IndexDecoder::readPack);
            } else if (t == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonToken v = p.nextToken();
                    if (is(key, "packs")) {
                        packs = readArray(p, v, "\"packs\"", "a pack", IndexDecoder::readPack);
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                throw new IOException("an index is a JSON object, not " + word(t));
            }
            if (p.nextToken() != null) {
                throw new IOException("data after the end of the index");
            }
            if (packs == null) {
                throw new IOException("index without \"packs\"");
            }
            return packs;
        } catch (IllegalArgumentException e) {
            throw new IOException("index entry malformed: " + e.getMessage(), e);
        }
    }

    /** What an array of the index holds: one element read from its opening token on. */
    private interface Element<T> {
        T read(JsonParser p) throws IOException;
    }

    /** The array at {@code t} of objects read by {@code element}; null for {@code null}. */
    private static <T> List<T> readArray(JsonParser p, JsonToken t, String what, String each, Element<T> element)
            throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(t, JsonToken.START_ARRAY, what);
        List<T> out = new ArrayList<>();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            expect(t, JsonToken.START_OBJECT, each);
            out.add(element.read(p));
        }
        return out;
    }

    private static PackRecord readPack(JsonParser p) throws IOException {
        Id id = null;
        List<PackEntry> entries = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if (is(key, "id")) {
                id = readId(p, v);
            } else if (is(key, "blobs")) {
                entries = readArray(p, v, "\"blobs\"", "a blob", IndexDecoder::readBlob);
            } else {
                p.skipChildren();
            }
        }
        if (id == null) {
            throw new IOException("a pack of the index has no id");
        }
        return new PackRecord(id, entries == null ? new ArrayList<>() : entries);
    }

    private static PackEntry readBlob(JsonParser p) throws IOException {
        Id id = null;
        BlobType type = null;
        long offset = 0;
        long length = 0;
        long uncompressed = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if (is(key, "id")) {
                id = readId(p, v);
            } else if (is(key, "type")) {
                type = v == JsonToken.VALUE_NULL ? null : BlobType.fromJson(text(p, v, "type"));
            } else if (is(key, "offset")) {
                offset = number(p, v, "offset");
            } else if (is(key, "length")) {
                length = number(p, v, "length");
            } else if (is(key, "uncompressed_length")) {
                uncompressed = number(p, v, "uncompressed_length");
            } else {
                p.skipChildren();
            }
        }
        if (id == null || type == null) {
            throw new IOException("a blob of the index has no " + (id == null ? "id" : "type"));
        }
        if (length <= 0 || length > Integer.MAX_VALUE || offset < 0 || uncompressed < 0
                || uncompressed > Integer.MAX_VALUE) {
            throw new IOException("index entry with impossible offset or length: " + id);
        }
        return new PackEntry(type, id, offset, (int) length, (int) uncompressed);
    }

    /** Go's encoding/json matches keys exactly first, then case-insensitively. */
    private static boolean is(String key, String name) {
        return key.equals(name) || key.equalsIgnoreCase(name);
    }

    private static Id readId(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(t, JsonToken.VALUE_STRING, "an id");
        return Id.parseHex(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    private static String text(JsonParser p, JsonToken t, String what) throws IOException {
        expect(t, JsonToken.VALUE_STRING, "\"" + what + "\"");
        return p.getText();
    }

    private static long number(JsonParser p, JsonToken t, String what) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return 0;
        }
        expect(t, JsonToken.VALUE_NUMBER_INT, "\"" + what + "\"");
        return p.getLongValue();
    }

    private static void expect(JsonToken t, JsonToken wanted, String what) throws IOException {
        if (t != wanted) {
            throw new IOException(what + " in an index must be " + word(wanted) + ", not " + word(t));
        }
    }

    private static String word(JsonToken t) {
        if (t == null) {
            return "the end of the data";
        }
        return switch (t) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a fraction";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> t.toString();
        };
    }
}
