package org.hygie.repository.tree;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.List;
import org.hygie.repository.id.Id;
import org.junit.jupiter.api.Test;

class TreeEncoderTest {
    static final OffsetDateTime T = GoTime.parse("2026-11-28T14:47:32.776188261Z");
    static final Id SUB = Id.parse("4d1268ab00000000000000000000000000000000000000000000000000000001");

    static String json(Node n) {
        return new String(TreeEncoder.encodeNode(n), UTF_8);
    }

    static Node.Builder rootOwned(NodeType type, String name) {
        return Node.builder(type, name).mtime(T).atime(T).ctime(T).user("root").group("root").inode(2195860).deviceId(65024);
    }

    @Test
    void writes_the_reference_empty_file_node() {
        Node n = rootOwned(NodeType.FILE, "empty").mode(420).links(1).content(List.of()).build();
        assertEquals("{\"name\":\"empty\",\"type\":\"file\",\"mode\":420,\"mtime\":\"2026-11-28T14:47:32.776188261Z\","
                + "\"atime\":\"2026-11-28T14:47:32.776188261Z\",\"ctime\":\"2026-11-28T14:47:32.776188261Z\",\"uid\":0,"
                + "\"gid\":0,\"user\":\"root\",\"group\":\"root\",\"inode\":2195860,\"device_id\":65024,\"links\":1,"
                + "\"content\":[]}", json(n));
    }

    @Test
    void writes_symlinks_and_dirs_like_the_reference() {
        String link = json(rootOwned(NodeType.SYMLINK, "link").mode(134218239).links(1).linkTarget("small.txt").build());
        assertEquals(true, link.endsWith(",\"links\":1,\"linktarget\":\"small.txt\",\"content\":null}"), link);
        String dir = json(rootOwned(NodeType.DIR, "sub").mode(2148532735L).subtree(SUB).build());
        assertEquals(true, dir.startsWith("{\"name\":\"sub\",\"type\":\"dir\",\"mode\":2148532735,"), dir);
        assertEquals(true, dir.endsWith(",\"device_id\":65024,\"content\":null,\"subtree\":\"" + SUB.hex() + "\"}"), dir);
    }

    @Test
    void writes_every_field_in_go_struct_order() {
        Node n = Node.builder(NodeType.CHARDEV, "tty").mode(GoFileMode.fromPosix(0020620)).mtime(T).atime(T).ctime(T)
                .uid(4294967295L).gid(5).user("u").group("tty").inode(-1L).deviceId(Long.MIN_VALUE).size(7).links(2)
                .linkTarget("t").addExtendedAttribute(ExtendedAttribute.of("user.a", new byte[] {0, (byte) 0xff}))
                .addExtendedAttribute(ExtendedAttribute.of("user.null", null))
                .addExtendedAttribute(ExtendedAttribute.of("user.empty", new byte[0]))
                .device(1024 + 3).content(List.of(SUB, SUB)).subtree(SUB).error("oops").build();
        String t = "\"2026-11-28T14:47:32.776188261Z\"";
        assertEquals("{\"name\":\"tty\",\"type\":\"chardev\",\"mode\":69206416,\"mtime\":" + t + ",\"atime\":" + t
                + ",\"ctime\":" + t + ",\"uid\":4294967295,\"gid\":5,\"user\":\"u\",\"group\":\"tty\","
                + "\"inode\":18446744073709551615,\"device_id\":9223372036854775808,\"size\":7,\"links\":2,"
                + "\"linktarget\":\"t\",\"extended_attributes\":[{\"name\":\"user.a\",\"value\":\"AP8=\"},"
                + "{\"name\":\"user.null\",\"value\":null},{\"name\":\"user.empty\",\"value\":\"\"}],\"device\":1027,"
                + "\"content\":[\"" + SUB.hex() + "\",\"" + SUB.hex() + "\"],\"subtree\":\"" + SUB.hex()
                + "\",\"error\":\"oops\"}", json(n));
    }

    @Test
    void omits_empty_values_but_never_times_uid_gid_or_content() {
        Node n = Node.builder().typeName("").build();
        assertEquals("{\"name\":\"\",\"type\":\"\",\"mtime\":\"0001-01-01T00:00:00Z\",\"atime\":\"0001-01-01T00:00:00Z\","
                + "\"ctime\":\"0001-01-01T00:00:00Z\",\"uid\":0,\"gid\":0,\"content\":null}", json(n));
    }

    @Test
    void writes_the_checked_name_examples() {
        Node weird = Node.builder(NodeType.FILE, "x").name("we\"ird\\\\na<me>&\u0001".getBytes(ISO_8859_1)).build();
        assertEquals(true, json(weird).startsWith("{\"name\":\"we\\\\\\\"ird\\\\\\\\\\\\\\\\na\\u003cme\\u003e\\u0026\\\\x01\","), json(weird));
        Node bad = Node.builder(NodeType.FILE, "x").name("bad\u00ff\u00feutf8".getBytes(ISO_8859_1)).build();
        assertEquals(true, json(bad).startsWith("{\"name\":\"bad\\\\xff\\\\xfeutf8\","), json(bad));
        Node nl = Node.builder(NodeType.FILE, "a\nb é😀 \u2028").build();
        assertEquals(true, json(nl).startsWith("{\"name\":\"a\\\\nb é😀 \\\\u2028\","), json(nl));
    }

    @Test
    void escapes_strings_like_go_json() {
        Node n = Node.builder(NodeType.SYMLINK, "l").user("<a&b>").group("\u2028\u2029\u007f")
                .linkTarget("x\u00ff\t\u0001".getBytes(ISO_8859_1)).error("\ud800 \"\\\n\r").build();
        String s = json(n);
        assertEquals(true, s.contains("\"user\":\"\\u003ca\\u0026b\\u003e\""), s);
        assertEquals(true, s.contains("\"group\":\"\\u2028\\u2029\u007f\""), s);
        assertEquals(true, s.contains("\"linktarget\":\"x\\ufffd\\t\\u0001\""), s);
        assertEquals(true, s.contains("\"error\":\"\\ufffd \\\"\\\\\\n\\r\""), s);
    }

    @Test
    void applies_restics_fix_time() {
        Node n = Node.builder(NodeType.FILE, "f").mtime(OffsetDateTime.parse("+12000-01-02T03:04:05Z"))
                .atime(OffsetDateTime.parse("-0005-01-02T03:04:05+01:00")).build();
        String s = json(n);
        assertEquals(true, s.contains("\"mtime\":\"9999-01-02T03:04:05Z\",\"atime\":\"0000-01-02T03:04:05+01:00\""), s);
    }

    @Test
    void writes_a_tree_with_a_trailing_newline() {
        assertEquals("{\"nodes\":[]}\n", new String(TreeEncoder.encode(Tree.empty()), UTF_8));
        Tree t = Tree.of(List.of(Node.builder(NodeType.FILE, "b").content(List.of()).build(),
                Node.builder(NodeType.FILE, "a").build()));
        String s = new String(TreeEncoder.encode(t), UTF_8);
        assertEquals(true, s.startsWith("{\"nodes\":[{\"name\":\"a\","), s);
        assertEquals(true, s.endsWith("\"content\":[]}]}\n"), s);
        assertEquals(Id.hash(TreeEncoder.encode(t)), TreeEncoder.id(t));
    }
}
