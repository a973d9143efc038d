package org.hygie.repository.tree;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class TreeDecoderTest {
    static final String ID = "4d1268ab00000000000000000000000000000000000000000000000000000001";
    static final String REFERENCE = "{\"nodes\":[{\"name\":\"empty\",\"type\":\"file\",\"mode\":420,"
            + "\"mtime\":\"2026-11-28T14:47:32.776188261Z\",\"atime\":\"2026-11-28T14:47:32.776188261Z\","
            + "\"ctime\":\"2026-11-28T14:47:32.776188261Z\",\"uid\":0,\"gid\":0,\"user\":\"root\",\"group\":\"root\","
            + "\"inode\":2195860,\"device_id\":65024,\"links\":1,\"content\":[]},"
            + "{\"name\":\"sub\",\"type\":\"dir\",\"mode\":2148532735,\"mtime\":\"2015-11-10T22:11:26.461867048+01:00\","
            + "\"atime\":\"2015-11-10T22:11:26.461867048+01:00\",\"ctime\":\"2021-02-27T23:12:37.97+01:00\","
            + "\"uid\":1000,\"gid\":100,\"inode\":18446744073709551615,\"device_id\":65024,\"content\":null,"
            + "\"subtree\":\"" + ID + "\"},"
            + "{\"name\":\"we\\\\\\\"ird\\\\\\\\\\\\\\\\na\\u003cme\\u003e\\u0026\\\\x01\",\"type\":\"file\",\"mode\":8389101,"
            + "\"mtime\":\"2026-11-28T14:47:32Z\",\"atime\":\"2026-11-28T14:47:32Z\",\"ctime\":\"2026-11-28T14:47:32Z\","
            + "\"uid\":0,\"gid\":0,\"size\":5,\"links\":2,\"content\":[\"" + ID + "\"]}]}\n";

    static Tree decode(String json) {
        return TreeDecoder.decode(json.getBytes(UTF_8));
    }

    @Test
    void reads_and_rewrites_restic_bytes_exactly() {
        Tree t = decode(REFERENCE);
        assertEquals(3, t.size());
        Node empty = t.nodes().get(0);
        assertEquals(List.of(), empty.content());
        assertEquals(420, empty.mode());
        Node sub = t.nodes().get(1);
        assertNull(sub.content());
        assertEquals(ID, sub.subtree().hex());
        assertEquals(-1L, sub.inode());
        assertArrayEquals("we\"ird\\\\na<me>&\u0001".getBytes(ISO_8859_1), t.nodes().get(2).name());
        assertEquals(REFERENCE, new String(TreeEncoder.encode(t), UTF_8));
    }

    @Test
    void accepts_null_and_missing_values() {
        assertEquals(0, decode("{\"nodes\":null}").size());
        assertEquals(0, decode("{}").size());
        assertEquals(0, decode("null").size());
        assertEquals(0, decode(" {\"nodes\":[]}\r\n\t ").size());
        Node n = decode("{\"nodes\":[{\"name\":\"x\",\"type\":\"file\",\"user\":null,\"mtime\":null,\"content\":null}]}").nodes().get(0);
        assertEquals(GoTime.ZERO, n.mtime());
        assertEquals("", n.user());
        assertNull(n.content());
        assertEquals(NodeType.UNKNOWN, decode("{\"nodes\":[{}]}").nodes().get(0).type());
    }

    @Test
    void skips_unknown_keys_of_newer_restic() {
        Tree t = decode("{\"nodes\":[{\"name\":\"l\",\"type\":\"symlink\",\"linktarget\":\"a\\ufffd\",\"linktarget_raw\":\"Yf8=\","
                + "\"generic_attributes\":{\"windows.attr\":{\"deep\":[1,2,{\"x\":null}]}},\"content\":null}],\"extra\":[1]}");
        Node n = t.nodes().get(0);
        assertEquals("a\ufffd", n.linkTargetString());
        assertEquals(NodeType.SYMLINK, n.type());
        assertEquals(NodeType.UNKNOWN, decode("{\"nodes\":[{\"name\":\"i\",\"type\":\"irregular\"}]}").nodes().get(0).type());
        assertEquals("irregular", decode("{\"nodes\":[{\"name\":\"i\",\"type\":\"irregular\"}]}").nodes().get(0).typeName());
    }

    @Test
    void matches_keys_case_insensitively_like_go() {
        Node n = decode("{\"NODES\":[{\"Name\":\"x\",\"TYPE\":\"dir\",\"Device_ID\":7,\"\u212anown\":1,\"\u017fize\":3}]}").nodes().get(0);
        assertEquals("x", n.nameString());
        assertEquals(NodeType.DIR, n.type());
        assertEquals(7, n.deviceId());
        assertEquals(3, n.size());
        assertEquals(2, decode("{\"nodes\":[{\"name\":\"x\",\"size\":1,\"size\":2}]}").nodes().get(0).size());
    }

    @Test
    void reads_names_through_go_unquote() {
        Node n = decode("{\"nodes\":[{\"name\":\"bad\\\\xff\\\\xfeutf8\"},{\"name\":\"\\\\101\\\\u00e9\\\\U0001f600\"}]}").nodes().get(0);
        assertArrayEquals("bad\u00ff\u00feutf8".getBytes(ISO_8859_1), n.name());
        assertEquals("Aé😀", decode("{\"nodes\":[{\"name\":\"\\\\101\\\\u00e9\\\\U0001f600\"}]}").nodes().get(0).nameString());
    }

    @Test
    void turns_invalid_text_into_replacement_characters_like_go() {
        byte[] json = "{\"nodes\":[{\"name\":\"x\",\"user\":\"a\u00ffb\",\"error\":\"\\ud800!\",\"linktarget\":\"\\ud83d\\ude00\"}]}".getBytes(ISO_8859_1);
        Node n = TreeDecoder.decode(json).nodes().get(0);
        assertEquals("a\ufffdb", n.user());
        assertEquals("\ufffd!", n.error());
        assertEquals("😀", n.linkTargetString());
        Node raw = TreeDecoder.decode(new byte[] {'{', '"', 'n', 'o', 'd', 'e', 's', '"', ':', '[', '{', '"', 'n', 'a', 'm', 'e',
                '"', ':', '"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', '}', ']', '}'}).nodes().get(0);
        assertEquals("\ufffd\ufffd\ufffd", raw.nameString());
    }

    @Test
    void keeps_null_attribute_values() {
        Node n = decode("{\"nodes\":[{\"name\":\"x\",\"extended_attributes\":[{\"name\":\"user.a\",\"value\":null},"
                + "{\"name\":\"user.b\",\"value\":\"\"},{\"name\":\"user.c\",\"value\":\"AP8=\"},null]}]}").nodes().get(0);
        assertNull(n.extendedAttributes().get(0).value());
        assertArrayEquals(new byte[0], n.extendedAttributes().get(1).value());
        assertArrayEquals(new byte[] {0, (byte) 0xff}, n.extendedAttributes().get(2).value());
        assertEquals(ExtendedAttribute.of("", null), n.extendedAttributes().get(3));
    }

    @Test
    void refuses_what_restic_cannot_load() {
        String[] bad = {
            "", " ", "{", "[]", "\"x\"", "{\"nodes\":{}}", "{\"nodes\":[null]}", "{\"nodes\":[1]}", "{\"nodes\":[]} x",
            "{\"nodes\":[]}{}", "\ufeff{\"nodes\":[]}", "{\"nodes\":[{\"name\":\"a\\nb\"}]}", "{\"nodes\":[{\"name\":\"a\\\\'\"}]}",
            "{\"nodes\":[{\"name\":\"a\\\"b\"}]}", "{\"nodes\":[{\"name\":1}]}", "{\"nodes\":[{\"uid\":-1}]}",
            "{\"nodes\":[{\"uid\":4294967296}]}", "{\"nodes\":[{\"mode\":1.0}]}", "{\"nodes\":[{\"size\":1e3}]}",
            "{\"nodes\":[{\"size\":18446744073709551616}]}", "{\"nodes\":[{\"size\":\"1\"}]}", "{\"nodes\":[{\"mtime\":\"yesterday\"}]}",
            "{\"nodes\":[{\"mtime\":5}]}", "{\"nodes\":[{\"content\":[null]}]}", "{\"nodes\":[{\"content\":[\"abc\"]}]}",
            "{\"nodes\":[{\"content\":{}}]}", "{\"nodes\":[{\"subtree\":\"zz\"}]}", "{\"nodes\":[{\"user\":true}]}",
            "{\"nodes\":[{\"extended_attributes\":[{\"value\":\"!!\"}]}]}", "{\"nodes\":[{\"extended_attributes\":{}}]}",
            "{\"nodes\":[{'name':'x'}]}", "{\"nodes\":[{\"name\":\"x\",}]}", "{\"nodes\":[{\"name\":\"a\u0001\"}]}",
            "{\"nodes\":[{\"size\":01}]}", "{\"nodes\":[{\"size\":NaN}]}", "{\"nodes\":[]}\u000b",
        };
        for (String s : bad) {
            assertThrows(TreeFormatException.class, () -> decode(s), s);
        }
    }

    @Test
    void damaged_bytes_give_only_tree_format_exceptions() {
        byte[] good = REFERENCE.getBytes(UTF_8);
        for (int cut = 0; cut < good.length - 2; cut++) {
            byte[] part = java.util.Arrays.copyOf(good, cut);
            assertThrows(TreeFormatException.class, () -> TreeDecoder.decode(part), "prefix " + cut);
        }
        Random random = new Random(42);
        for (int i = 0; i < 3000; i++) {
            byte[] damaged = good.clone();
            for (int k = random.nextInt(3); k >= 0; k--) {
                damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            }
            try {
                TreeDecoder.decode(damaged);
            } catch (TreeFormatException expected) {
                assertTrue(expected.getMessage() != null);
            }
        }
    }

    @Property(tries = 3000)
    void random_input_gives_a_tree_or_a_tree_format_exception(@ForAll @Size(max = 200) byte[] junk,
            @ForAll @IntRange(min = 0, max = 600) int at) {
        byte[] good = REFERENCE.getBytes(UTF_8);
        int cut = Math.min(at, good.length);
        byte[] spliced = new byte[cut + junk.length];
        System.arraycopy(good, 0, spliced, 0, cut);
        System.arraycopy(junk, 0, spliced, cut, junk.length);
        for (byte[] input : new byte[][] {junk, spliced}) {
            try {
                Tree t = TreeDecoder.decode(input);
                TreeEncoder.encode(t);
            } catch (TreeFormatException expected) {
                assertTrue(expected.getMessage() != null);
            }
        }
    }

    @Test
    void decodes_a_single_node() {
        Node n = TreeDecoder.decodeNode("{\"name\":\"a\",\"type\":\"fifo\",\"mode\":33554852}".getBytes(UTF_8));
        assertEquals(NodeType.FIFO, n.type());
        assertThrows(TreeFormatException.class, () -> TreeDecoder.decodeNode("[]".getBytes(UTF_8)));
    }
}
