package org.hygie.backup.fs;

import org.hygie.repository.testing.Restic;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hygie.repository.id.Id;
import org.hygie.repository.tree.Node;
import org.hygie.repository.tree.NodeType;
import org.hygie.repository.tree.Tree;
import org.hygie.repository.tree.TreeDecoder;
import org.hygie.repository.tree.TreeEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tree format and the metadata reader against the real restic 0.14: restic backs up a directory holding every
 * kind of entry, then for every tree restic wrote, (a) {@link TreeDecoder} reads it, (b) re-encoding it gives
 * restic's bytes, and (c) for the directories of the test tree, the nodes that {@link NodeReader} builds from the
 * disk (with content and subtree ids taken from restic) encode to exactly restic's tree bytes.
 */
class ResticTreeInteropTest {
    static final String ZONE = "Europe/Paris";

    @TempDir
    Path base;

    final List<String> checked = new ArrayList<>();

    @Test
    void trees_and_node_metadata_are_byte_identical_to_restic() throws Exception {
        Path src = Files.createDirectory(base.resolve("src"));
        if (!Files.isRegularFile(Path.of("/usr/share/zoneinfo", ZONE))) {
            // Go would silently fall back to UTC and every time in the trees would differ
            fail("restic needs the zone " + ZONE + " from /usr/share/zoneinfo (apt-get install tzdata)");
        }
        Restic restic = new Restic(base.resolve("repo"), "hygie-interop-test").withEnv("TZ", ZONE);
        build(src);

        restic.ok("init", "--repository-version", "2");
        restic.ok("backup", "--host", "hygie-test", src.toString());
        Id root = restic.rootTree(restic.onlySnapshot());

        // restic mirrors the absolute path from "/": walk down to the tree holding "src" (reference §9)
        Id tree = root;
        Path parent = Path.of("/");
        for (Path element : src.getParent()) {
            Tree t = readAndRewrite(restic, tree, parent.toString());
            parent = parent.resolve(element);
            tree = subtree(t, element.toString(), parent);
        }
        // the tree of src's parent holds only src: it is ours, so its bytes must match too
        compareDirectory(restic, tree, parent, List.of(src));
        for (String d : new String[] {"/src", "/src/names", "/src/runes", "/src/raw", "/src/times", "/src/xattrs", "/src/dir/emptydir"}) {
            assertTrue(checked.contains(src.getParent() + d), d + " not compared; compared: " + checked);
        }
    }

    /** Creates every kind of entry restic knows, with awkward names, modes, owners, times and attributes. */
    void build(Path src) throws Exception {
        Files.createFile(src.resolve("empty"));
        Files.writeString(src.resolve("small.txt"), "hello\n");
        Path dir = Files.createDirectory(src.resolve("dir"));
        Files.writeString(dir.resolve("nested.txt"), "nested");
        Files.createDirectory(dir.resolve("emptydir"));
        Files.createSymbolicLink(src.resolve("link"), Path.of("small.txt"));
        Files.createSymbolicLink(src.resolve("dangling"), Path.of("does/not/exist"));
        Files.createSymbolicLink(src.resolve("absolute"), Path.of("/etc/hostname"));
        Files.createSymbolicLink(src.resolve("dirslash"), Path.of("dir/"));
        Files.writeString(src.resolve("hard1"), "linked");
        Files.createLink(src.resolve("hard2"), src.resolve("hard1"));
        Shell.run("mkfifo", src.resolve("fifo").toString());
        try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            s.bind(UnixDomainSocketAddress.of(src.resolve("socket")));
        }
        for (String m : new String[] {"4755", "2755", "6711", "1644", "0000", "0777"}) {
            Path f = Files.writeString(src.resolve("mode" + m), m);
            Shell.run("chmod", m, f.toString());
        }
        Path sticky = Files.createDirectory(src.resolve("sticky"));
        Files.writeString(sticky.resolve("inside"), "x");
        Shell.run("chmod", "1777", sticky.toString());
        Path setgid = Files.createDirectory(src.resolve("setgid-dir"));
        Shell.run("chmod", "2775", setgid.toString());

        Path names = Files.createDirectory(src.resolve("names"));
        for (String n : new String[] {"with space", "quote\"s", "single'quote", "back\\slash", "two\\\\na", "new\nline",
                "tab\there", "<html>&amp;", "ctrl\u0001\u001f\u007f", "ünïcödé", "emoji 😀", "€uro", "nbsp\u00a0zwsp\u200b",
                "line\u2028sep", "bom\ufeff", "replacement\ufffd", "combining e\u0301", "CJK 漢字", "-dash", ".hidden",
                "we\"ird\\\\na<me>&\u0001"}) {
            Files.writeString(names.resolve(n), n);
        }

        // every code point of planes 0, 1 and 14 and samples of the others, 48 to a name: restic's Go 1.19
        // strconv.Quote decides which are printable, GoQuote must agree on each (Unicode 13 on both sides)
        Path runes = Files.createDirectory(src.resolve("runes"));
        int[][] ranges = {{0x1, 0x20000}, {0x20000, 0x21000}, {0x2a6d0, 0x2b7a0}, {0x2fa00, 0x31400},
                {0xe0000, 0xe1000}, {0xf0000, 0xf0100}, {0x10ff00, 0x110000}};
        for (int[] r : ranges) {
            StringBuilder name = new StringBuilder();
            for (int cp = r[0]; cp < r[1]; cp++) {
                if (cp == '/' || (cp >= 0xd800 && cp <= 0xdfff)) {
                    continue;
                }
                name.appendCodePoint(cp);
                if (name.codePointCount(0, name.length()) == 48 || cp == r[1] - 1) {
                    Files.createFile(runes.resolve(name.toString()));
                    name.setLength(0);
                }
            }
        }

        Path raw = Files.createDirectory(src.resolve("raw"));
        Shell.sh(raw, "touch \"$(printf 'bad\\377\\376utf8')\" && mkdir \"$(printf 'dir\\351')\""
                + " && ln -s \"$(printf 'target\\377x')\" badtarget && touch \"$(printf 'dir\\351/inner')\"");

        Path xattrs = Files.createDirectory(src.resolve("xattrs"));
        Path xf = Files.writeString(xattrs.resolve("file"), "attributes");
        UserDefinedFileAttributeView v = Files.getFileAttributeView(xf, UserDefinedFileAttributeView.class);
        v.write("comment", ByteBuffer.wrap("patient <records> & more".getBytes(UTF_8)));
        v.write("empty", ByteBuffer.allocate(0));
        v.write("binary", ByteBuffer.wrap(new byte[] {0, 1, (byte) 0xfe, (byte) 0xff, '\n'}));
        Path xd = Files.createDirectory(xattrs.resolve("dir"));
        Files.getFileAttributeView(xd, UserDefinedFileAttributeView.class).write("dir.tag", ByteBuffer.wrap("d".getBytes(UTF_8)));

        Path times = Files.createDirectory(src.resolve("times"));
        // touch, not Files.setLastModifiedTime: JDK 17 silently writes 0 for a time before 1970. 1905 is Paris
        // mean time (+00:09:21, written +00:09); file systems with 32-bit times clamp what is out of their range
        String[] instants = {"1905-06-15 12:00:00.123456789Z", "1969-12-31 23:59:59.5Z", "1970-01-01 00:00:00Z",
                "2024-03-31 00:59:59.999999999Z", "2024-03-31 01:00:00Z", "2024-07-14 12:00:00.120Z",
                "2024-10-27 00:30:00.000000001Z", "2038-01-19 03:14:08Z", "2200-06-01 00:00:00.000001Z"};
        for (int i = 0; i < instants.length; i++) {
            Path f = Files.writeString(times.resolve("t" + i), instants[i]);
            Shell.run("touch", "-m", "-d", instants[i], f.toString());
        }

        if (Shell.isRoot()) {
            Path owners = Files.createDirectory(src.resolve("owners"));
            Shell.sh(owners, "mknod chardev c 1 3 && mknod blockdev b 7 200 && touch nobody unnamed"
                    + " && chown 65534:65534 nobody && chown 54321:54322 unnamed && ln -s nobody link-unnamed"
                    + " && chown -h 54321:54321 link-unnamed && mkdir dir-unnamed && chown 4000000000:4000000001 dir-unnamed");
        } else {
            System.err.println("not root: devices and foreign owners are not part of this run");
        }

        // directory times last: creating entries changed them
        Files.setLastModifiedTime(dir.resolve("emptydir"), FileTime.from(Instant.parse("2001-02-03T04:05:06.789Z")));
        Files.setLastModifiedTime(times, FileTime.from(Instant.parse("1999-12-31T23:59:59.999999999Z")));
    }

    /** (a) and (b) for one tree; returns it. */
    Tree readAndRewrite(Restic restic, Id id, String where) throws Exception {
        return readAndRewrite(restic.blob(id), id, where);
    }

    Tree readAndRewrite(byte[] bytes, Id id, String where) {
        assertEquals(id, Id.hash(bytes), "restic cat blob gives the plaintext of " + where);
        Tree tree = TreeDecoder.decode(bytes);
        assertTrue(tree.isSorted(), where);
        String expected = new String(bytes, UTF_8);
        if (expected.contains("\\ufffd")) {
            // a symlink target that is not UTF-8: restic wrote \ufffd escapes, which read back as U+FFFD and are
            // then written raw, by restic's own decode/encode as by ours (reference §10.1)
            expected = expected.replace("\\ufffd", "\ufffd");
        }
        assertEquals(expected, new String(TreeEncoder.encode(tree), UTF_8), "re-encoding restic's tree of " + where);
        return tree;
    }

    Id subtree(Tree tree, String name, Path where) {
        Optional<Node> n = tree.find(name);
        if (n.isEmpty() || n.get().subtree() == null) {
            fail("restic's tree has no directory " + name + " on the way to " + where + ": " + tree.nodes());
        }
        return n.get().subtree();
    }

    /** (a), (b) and (c) for the directory {@code dir}, whose entries are {@code entries}; recurses into subdirectories. */
    void compareDirectory(Restic restic, Id id, Path dir, List<Path> entries) throws Exception {
        byte[] resticBytes = restic.blob(id);
        Tree resticTree = readAndRewrite(resticBytes, id, dir.toString());
        NodeReader reader = NodeReader.defaults().withZone(ZoneId.of(ZONE));
        List<Node> mine = new ArrayList<>();
        List<Path> subdirs = new ArrayList<>();
        for (Path p : entries) {
            if (Files.readAttributes(p, "unix:mode", LinkOption.NOFOLLOW_LINKS).get("mode") instanceof Integer m
                    && (m & 0170000) == 0140000) {
                assertTrue(resticTree.find(RawPaths.fileName(p)).isEmpty(), "restic 0.14 does not store sockets");
                continue;
            }
            Node node = reader.read(p);
            Node theirs = resticTree.find(node.name()).orElseThrow(() -> new AssertionError(
                    "restic has no node " + p + " in " + resticTree.nodes()));
            mine.add(node.toBuilder().content(theirs.content()).subtree(theirs.subtree()).build());
            if (node.type() == NodeType.DIR) {
                subdirs.add(p);
            }
        }
        byte[] ours = TreeEncoder.encode(Tree.of(mine));
        // as text for a readable diff; ISO-8859-1 maps each byte to one char, so equal text is equal bytes
        assertEquals(new String(resticBytes, ISO_8859_1), new String(ours, ISO_8859_1),
                "nodes read from " + dir + " against restic's tree");
        checked.add(dir.toString());
        if (System.getenv("HYGIE_SHOW_TREES") != null) {
            System.out.println(dir + "\n" + new String(resticBytes, UTF_8));
        }
        for (Path sub : subdirs) {
            Id child = resticTree.find(RawPaths.fileName(sub)).orElseThrow().subtree();
            compareDirectory(restic, child, sub, list(sub));
        }
    }

    static List<Path> list(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
