package org.hygie.repository.tree;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TreeTest {
    static Node file(String name) {
        return Node.builder(NodeType.FILE, name).build();
    }

    static Node file(byte[] name) {
        return Node.builder(NodeType.FILE, "x").name(name).build();
    }

    @Test
    void sorts_by_unsigned_bytes_not_by_utf16() {
        // UTF-16 puts U+FFFD after the surrogates of the emoji; UTF-8 bytes put it before (EF < F0)
        assertTrue("\ufffd".compareTo("😀") > 0);
        Tree t = Tree.of(List.of(file("😀"), file("\ufffd"), file(new byte[] {(byte) 0xff}), file("B"), file("a")));
        assertEquals(List.of("B", "a", "\ufffd", "😀"), t.nodes().subList(0, 4).stream().map(Node::nameString).toList());
        assertEquals((byte) 0xff, t.nodes().get(4).name()[0]);
        assertTrue(t.isSorted());
    }

    @Test
    void refuses_duplicate_names() {
        assertThrows(IllegalArgumentException.class, () -> Tree.of(List.of(file("a"), file("b"), file("a"))));
    }

    @Test
    void finds_by_name() {
        Tree t = Tree.of(List.of(file("c"), file("a"), file(new byte[] {'b', (byte) 0xfe})));
        assertEquals("c", t.find("c").orElseThrow().nameString());
        assertTrue(t.find(new byte[] {'b', (byte) 0xfe}).isPresent());
        assertFalse(t.find("b").isPresent());
        assertFalse(Tree.empty().find("a").isPresent());
    }

    @Test
    void keeps_the_order_read_and_says_when_it_is_wrong() {
        Tree t = Tree.asRead(List.of(file("b"), file("a"), file("a")));
        assertFalse(t.isSorted());
        assertEquals("b", t.nodes().get(0).nameString());
        assertTrue(t.find("a").isPresent());
        assertTrue(Tree.asRead(List.of(file("a"), file("b"))).isSorted());
        assertFalse(Tree.asRead(List.of(file("a"), file("a"))).isSorted());
    }

    @Test
    void node_keeps_raw_name_bytes() {
        byte[] raw = {'x', (byte) 0xff};
        Node n = file(raw);
        raw[1] = 0;
        assertEquals((byte) 0xff, n.name()[1]);
        assertEquals("x\ufffd", n.nameString());
        assertEquals(NodeType.FILE, n.type());
        assertEquals("file", n.typeName());
        assertEquals(n, n.toBuilder().build());
        assertEquals(NodeType.UNKNOWN, Node.builder().typeName("irregular").build().type());
        assertThrows(IllegalArgumentException.class, () -> Node.builder().uid(1L << 32));
        assertThrows(IllegalArgumentException.class, () -> Node.builder().mode(-1));
        assertEquals("a", new String(file("a").name(), UTF_8));
    }
}
