package org.hygie.repository.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hygie.repository.id.Id;

/** Random nodes and trees survive encode → decode → encode with identical bytes. */
class NodeRoundTripTest {

    static Arbitrary<String> text() {
        // valid text only: a lone surrogate has no UTF-8 form and comes back as U+FFFD (see the tree package notes)
        return Arbitraries.strings().all().ofMaxLength(12).map(GoUtf8::normalize);
    }

    static Arbitrary<OffsetDateTime> time(boolean minuteOffsets) {
        return Combinators.combine(
                Arbitraries.longs().between(-80_000_000_000L, 400_000_000_000L),
                Arbitraries.integers().between(0, 999_999_999),
                minuteOffsets ? Arbitraries.integers().between(-18 * 60, 18 * 60).map(m -> m * 60)
                        : Arbitraries.integers().between(-18 * 3600, 18 * 3600))
                .as((s, n, o) -> GoTime.ofEpoch(s, n, ZoneOffset.ofTotalSeconds(o)));
    }

    static Arbitrary<Id> ids() {
        return Arbitraries.bytes().array(byte[].class).ofSize(32).map(Id::of);
    }

    static Arbitrary<Node> nodes(boolean canonical) {
        Arbitrary<Node.Builder> base = Combinators.combine(
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(20),
                Arbitraries.of(NodeType.FILE, NodeType.DIR, NodeType.SYMLINK, NodeType.DEV, NodeType.CHARDEV,
                        NodeType.FIFO, NodeType.SOCKET),
                Arbitraries.longs().between(0, 0xffff_ffffL),
                canonical ? time(true).filter(t -> t.getYear() >= 0 && t.getYear() <= 9999) : time(false),
                canonical ? time(true).filter(t -> t.getYear() >= 0 && t.getYear() <= 9999) : time(false),
                Arbitraries.longs().between(0, 0xffff_ffffL),
                text(),
                Arbitraries.longs())
                .as((name, type, mode, mtime, ctime, uid, user, big) -> Node.builder(type, "x").name(name).mode(mode)
                        .mtime(mtime).atime(mtime).ctime(ctime).uid(uid).gid(uid ^ 1).user(user).group(user + "g")
                        .inode(big).deviceId(big >>> 3).size(big * 7).links(big & 0xff).device(big >>> 50));
        return Combinators.combine(base,
                text(),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(b -> canonical ? GoUtf8.sanitize(b) : b),
                Arbitraries.integers().between(-1, 3),
                ids().list().ofMaxSize(3).injectNull(0.3),
                ids().injectNull(0.5),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(10).injectNull(0.2))
                .as((b, err, target, nx, content, subtree, xvalue) -> {
                    List<ExtendedAttribute> xs = new ArrayList<>();
                    for (int i = 0; i < nx; i++) {
                        xs.add(ExtendedAttribute.of("user.x" + i + err, xvalue));
                    }
                    return b.error(err).linkTarget(target).extendedAttributes(xs).content(content).subtree(subtree).build();
                });
    }

    @Provide
    Arbitrary<Node> anyNode() {
        return nodes(false);
    }

    @Provide
    Arbitrary<Node> canonicalNode() {
        return nodes(true);
    }

    @Provide
    Arbitrary<List<Node>> nodeLists() {
        return nodes(false).list().ofMaxSize(8).uniqueElements(n -> new String(n.name(), java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Property(tries = 1000)
    void encode_decode_encode_gives_the_same_bytes(@ForAll("anyNode") Node node) {
        byte[] once = TreeEncoder.encodeNode(node);
        byte[] twice = TreeEncoder.encodeNode(TreeDecoder.decodeNode(once));
        byte[] thrice = TreeEncoder.encodeNode(TreeDecoder.decodeNode(twice));
        assertArrayEquals(twice, thrice);
        // Go also reads its own "+00:00" (an offset under a minute) back as "Z", and invalid UTF-8 back as U+FFFD
        if (GoUtf8.isValid(node.linkTarget()) && minuteOffsets(node)) {
            assertEquals(new String(once, java.nio.charset.StandardCharsets.UTF_8), new String(twice, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    static boolean minuteOffsets(Node n) {
        for (OffsetDateTime t : List.of(n.mtime(), n.atime(), n.ctime())) {
            int s = t.getOffset().getTotalSeconds();
            if (s != 0 && Math.abs(s) < 60) {
                return false;
            }
        }
        return true;
    }

    @Property(tries = 1000)
    void canonical_nodes_decode_to_equal_values(@ForAll("canonicalNode") Node node) {
        assertEquals(node, TreeDecoder.decodeNode(TreeEncoder.encodeNode(node)));
    }

    @Property(tries = 300)
    void trees_round_trip(@ForAll("nodeLists") List<Node> nodes) {
        Tree tree = Tree.of(nodes);
        byte[] bytes = TreeEncoder.encode(tree);
        Tree back = TreeDecoder.decode(bytes);
        assertEquals(true, back.isSorted());
        assertEquals(tree.size(), back.size());
        byte[] again = TreeEncoder.encode(back);
        assertArrayEquals(TreeEncoder.encode(TreeDecoder.decode(again)), again);
    }
}
