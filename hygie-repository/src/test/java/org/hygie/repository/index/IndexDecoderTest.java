package org.hygie.repository.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hygie.repository.id.Id;
import org.hygie.repository.index.IndexFiles.PackRecord;
import org.hygie.repository.pack.BlobType;
import org.hygie.repository.pack.PackEntry;
import org.junit.jupiter.api.Test;

/** The index decoder reads what restic 0.14 reads, as Go's encoding/json would, and refuses the rest cleanly. */
class IndexDecoderTest {
    private static final String ID1 = "a".repeat(64);
    private static final String ID2 = "0123456789abcdef".repeat(4);

    private static List<PackRecord> parse(String json) throws IOException {
        return IndexFiles.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<List<PackRecord>> indexes() {
        Arbitrary<Id> ids = Arbitraries.bytes().array(byte[].class).ofSize(32).map(Id::of);
        Arbitrary<PackEntry> entries = Combinators.combine(Arbitraries.of(BlobType.class), ids,
                Arbitraries.longs().between(0, 1L << 40), Arbitraries.integers().between(1, Integer.MAX_VALUE),
                Arbitraries.integers().between(0, Integer.MAX_VALUE)).as(PackEntry::new);
        Arbitrary<PackRecord> packs = Combinators.combine(ids, entries.list().ofMaxSize(6)).as(PackRecord::new);
        return packs.list().ofMaxSize(8);
    }

    @Property(tries = 300)
    void whatHygieWritesReadsBackTheSame(@ForAll("indexes") List<PackRecord> packs) throws IOException {
        assertEquals(packs, IndexFiles.parse(IndexFiles.encode(packs)));
    }

    /** Any damage to a valid index either still parses or is an IOException: never another exception. */
    @Property(tries = 500)
    void aDamagedIndexIsAnIoExceptionOrStillAnIndex(@ForAll("indexes") List<PackRecord> packs,
            @ForAll("damage") List<int[]> damage) {
        byte[] json = IndexFiles.encode(packs);
        for (int[] d : damage) {
            int at = Math.floorMod(d[0], json.length);
            if (d[1] < 0) {
                json = java.util.Arrays.copyOf(json, at); // cut
            } else {
                json[at] = (byte) d[1];
            }
            if (json.length == 0) {
                break;
            }
        }
        try {
            List<PackRecord> parsed = IndexFiles.parse(json);
            assertTrue(parsed != null, "a parse that succeeds gives a list");
        } catch (IOException refused) {
            assertTrue(refused.getMessage() != null && !refused.getMessage().isBlank(), "a refusal says why");
        }
    }

    @Provide
    Arbitrary<List<int[]>> damage() {
        Arbitrary<int[]> one = Combinators.combine(Arbitraries.integers(),
                Arbitraries.oneOf(Arbitraries.of(-1, (int) '"', (int) ',', (int) '{', (int) '}', (int) '[', (int) ']',
                        (int) ':', (int) '-', (int) '0', (int) '9', (int) 'e', (int) 'x', 0),
                        Arbitraries.integers().between(0, 255)))
                .as((a, b) -> new int[] {a, b});
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    @Test
    void readsResticsObjectFormAndTheLegacyArrayAlike() throws IOException {
        String pack = "{\"id\":\"" + ID1 + "\",\"blobs\":[{\"id\":\"" + ID2 + "\",\"type\":\"data\",\"offset\":0,"
                + "\"length\":45,\"uncompressed_length\":100},{\"id\":\"" + ID1 + "\",\"type\":\"tree\","
                + "\"offset\":45,\"length\":3}]}";
        List<PackRecord> expected = List.of(new PackRecord(Id.parse(ID1), List.of(
                new PackEntry(BlobType.DATA, Id.parse(ID2), 0, 45, 100),
                new PackEntry(BlobType.TREE, Id.parse(ID1), 45, 3, 0))));
        assertEquals(expected, parse("{\"supersedes\":[\"" + ID2 + "\"],\"packs\":[" + pack + "]}\n"));
        assertEquals(expected, parse(" [" + pack + "] "));
    }

    @Test
    void readsAsGoDoes_keysOfAnyCaseUnknownKeysSkippedNullsAsZero() throws IOException {
        String json = "{\"PACKS\":[{\"future\":{\"a\":[1,2,{\"b\":null}]},\"Id\":\"" + ID1.toUpperCase()
                + "\",\"Blobs\":[{\"ID\":\"" + ID2 + "\",\"Type\":\"data\",\"OFFSET\":null,\"Length\":7,"
                + "\"uncompressed_LENGTH\":null,\"extra\":\"x\"}]},{\"id\":\"" + ID2 + "\",\"blobs\":null}],"
                + "\"other\":true}";
        assertEquals(List.of(
                new PackRecord(Id.parse(ID1), List.of(new PackEntry(BlobType.DATA, Id.parse(ID2), 0, 7, 0))),
                new PackRecord(Id.parse(ID2), List.of())), parse(json));
    }

    @Test
    void refusesWhatRestic014RefusesOrCouldNotUse() {
        String blob = "{\"id\":\"" + ID2 + "\",\"type\":\"data\",\"offset\":0,\"length\":7}";
        List<String> bad = new ArrayList<>(List.of(
                "",
                "null",
                "{}",
                "{\"packs\":null}",
                "\"packs\"",
                "{\"packs\":[]} {}",
                "{\"packs\":[{\"blobs\":[]}]}",
                "{\"packs\":[{\"id\":\"" + ID1 + "\",\"blobs\":{}}]}",
                "{\"packs\":[{\"id\":\"" + ID1 + "\",\"blobs\":[" + blob.replace("data", "dat") + "]}]}",
                "{\"packs\":[{\"id\":\"" + ID1 + "\",\"blobs\":[" + blob.replace(":0,", ":-1,") + "]}]}",
                "{\"packs\":[{\"id\":\"" + ID1 + "\",\"blobs\":[" + blob.replace(":7", ":0") + "]}]}",
                "{\"packs\":[{\"id\":\"" + ID1 + "\",\"blobs\":[" + blob.replace(":7", ":7.0") + "]}]}",
                "{\"packs\":[{\"id\":\"" + ID1 + "\",\"blobs\":[" + blob.replace(":7", ":\"7\"") + "]}]}",
                "{\"packs\":[{\"id\":\"" + ID1 + "\",\"blobs\":[" + blob.replace(":7", ":2147483648") + "]}]}",
                "{\"packs\":[{\"id\":\"" + ID1 + "\",\"blobs\":[" + blob.replace(":0,", ":99999999999999999999,")
                        + "]}]}",
                "{\"packs\":[{\"id\":\"" + ID1 + "\",\"blobs\":[" + blob.replace("\"type\":\"data\",", "") + "]}]}",
                "{\"packs\":[{\"id\":\"" + ID1.substring(2) + "\",\"blobs\":[]}]}",
                // Arabic-Indic and full-width digits are digits to Character.digit, not hex to restic
                "{\"packs\":[{\"id\":\"" + "\u0661".repeat(64) + "\",\"blobs\":[]}]}",
                "{\"packs\":[{\"id\":\"" + "\uff11".repeat(64) + "\",\"blobs\":[]}]}",
                "{\"packs\":[{\"id\":\"" + ID1 + "\",\"blobs\":[" + blob + "]"));
        for (String json : bad) {
            IOException e = assertThrows(IOException.class, () -> parse(json), json);
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), json);
        }
    }

    @Test
    void parseHexAgreesWithParse() {
        for (String s : List.of(ID1, ID2, ID2.toUpperCase())) {
            assertEquals(Id.parse(s), Id.parseHex(("xx" + s).toCharArray(), 2, 64));
        }
        assertThrows(IllegalArgumentException.class, () -> Id.parseHex(ID1.toCharArray(), 0, 63));
        assertThrows(IllegalArgumentException.class, () -> Id.parseHex(("g" + ID1.substring(1)).toCharArray(), 0, 64));
    }
}
