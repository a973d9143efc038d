package org.hygie.backup.fs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.hygie.repository.tree.ExtendedAttribute;
import org.hygie.repository.tree.GoTime;
import org.hygie.repository.tree.Node;
import org.hygie.repository.tree.NodeType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeReaderTest {
    @TempDir
    Path dir;

    final NodeReader reader = NodeReader.defaults().withZone(ZoneOffset.UTC);

    @Test
    void reads_a_file_with_nanosecond_times() throws Exception {
        Path f = Files.writeString(dir.resolve("small.txt"), "hello\n");
        Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2024-07-01T10:00:00.123456789Z")));
        Shell.run("chmod", "0640", f.toString());
        Node n = reader.read(f);
        assertEquals("small.txt", n.nameString());
        assertEquals(NodeType.FILE, n.type());
        assertEquals(0640, n.mode());
        assertEquals(6, n.size());
        assertEquals(1, n.links());
        assertEquals("2024-07-01T10:00:00.123456789Z", GoTime.format(n.mtime()));
        assertEquals(n.mtime(), n.atime(), "restic 0.14 records atime = mtime");
        assertNull(n.content());
        assertTrue(n.inode() != 0 && n.deviceId() != 0);
        Files.readAttributes(f, "unix:ino");
        assertEquals(((Long) Files.getAttribute(f, "unix:ino")).longValue(), n.inode());
    }

    @Test
    void shows_times_in_the_given_zone() throws Exception {
        Path f = Files.createFile(dir.resolve("f"));
        Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2024-07-01T10:00:00.5Z")));
        Node n = reader.withZone(ZoneId.of("Europe/Paris")).read(f);
        assertEquals("2024-07-01T12:00:00.5+02:00", GoTime.format(n.mtime()));
        Node a = reader.withAtime(true).read(f);
        assertEquals(((FileTime) Files.getAttribute(f, "lastAccessTime")).toInstant(), a.atime().toInstant());
    }

    @Test
    void reads_dirs_symlinks_and_fifos_per_restic_rules() throws Exception {
        Path d = Files.createDirectory(dir.resolve("d"));
        Shell.run("chmod", "1777", d.toString());
        Path l = Files.createSymbolicLink(dir.resolve("l"), Path.of("does/not/exist"));
        Shell.run("mkfifo", dir.resolve("p").toString());
        Node dn = reader.read(d);
        assertEquals(2148532735L, dn.mode());
        assertEquals(0, dn.links(), "no links for dirs");
        assertEquals(0, dn.size());
        Node ln = reader.read(l);
        assertEquals(134218239L, ln.mode());
        assertEquals("does/not/exist", ln.linkTargetString());
        assertEquals(1, ln.links());
        Node pn = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> reader.read(dir.resolve("p")), "a FIFO must never be opened");
        assertEquals(NodeType.FIFO, pn.type());
        assertEquals(0, pn.links());
        assertTrue(pn.extendedAttributes().isEmpty());
    }

    @Test
    void reads_user_extended_attributes_in_order() throws Exception {
        Path f = Files.createFile(dir.resolve("x"));
        UserDefinedFileAttributeView v = Files.getFileAttributeView(f, UserDefinedFileAttributeView.class);
        v.write("first", ByteBuffer.wrap("1".getBytes(UTF_8)));
        v.write("empty", ByteBuffer.allocate(0));
        v.write("bin", ByteBuffer.wrap(new byte[] {0, (byte) 0xff}));
        List<ExtendedAttribute> xs = reader.read(f).extendedAttributes();
        assertEquals(v.list().stream().map(s -> "user." + s).toList(), xs.stream().map(ExtendedAttribute::name).toList());
        ExtendedAttribute empty = xs.stream().filter(a -> a.name().equals("user.empty")).findFirst().orElseThrow();
        assertArrayEquals(new byte[0], empty.value(), "an empty value is empty, not null");
        assertTrue(reader.withExtendedAttributes(false).read(f).extendedAttributes().isEmpty());
    }

    @Test
    void leaves_user_and_group_empty_for_ids_without_names() throws Exception {
        assumeTrue(Shell.isRoot(), "chown needs root");
        Path f = Files.createFile(dir.resolve("f"));
        Shell.run("chown", "54321:54321", f.toString());
        Node n = reader.read(f);
        assertEquals(54321, n.uid());
        assertEquals("", n.user());
        assertEquals("", n.group());
        Path r = Files.createFile(dir.resolve("r"));
        Node root = reader.read(r);
        assertEquals("root", root.user());
        assertEquals("root", root.group());
    }

    @Test
    void reads_devices_without_opening_them() throws Exception {
        assumeTrue(Shell.isRoot(), "mknod needs root");
        Shell.sh(dir, "mknod null c 1 3 && mknod blk b 7 200");
        Node c = reader.read(dir.resolve("null"));
        assertEquals(NodeType.CHARDEV, c.type());
        assertEquals(259, c.device());
        assertEquals(1, c.links());
        Node b = reader.read(dir.resolve("blk"));
        assertEquals(NodeType.DEV, b.type());
        assertEquals(7 * 256 + 200, b.device());
    }

    @Test
    void names_the_root_slash() throws Exception {
        assertEquals("/", reader.read(Path.of("/")).nameString());
    }
}
