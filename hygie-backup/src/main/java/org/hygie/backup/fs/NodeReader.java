package org.hygie.backup.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hygie.repository.tree.ExtendedAttribute;
import org.hygie.repository.tree.GoFileMode;
import org.hygie.repository.tree.GoTime;
import org.hygie.repository.tree.Node;
import org.hygie.repository.tree.NodeType;

/**
 * Builds the {@link Node} of a path from its metadata exactly as restic 0.14 does ({@code NodeFromFileInfo} plus
 * the archiver's {@code atime = mtime}), so that trees made from the same directory are byte-identical to restic's.
 *
 * <p>One {@code lstat} through {@code Files.readAttributes(path, "unix:…", NOFOLLOW_LINKS)} gives the type and Go
 * mode bits, times (the JDK on Linux keeps nanoseconds for times between 1678 and 2261; outside that range it keeps
 * microseconds), uid, gid, inode, {@code st_dev}, size, link count and {@code st_rdev}. Per type, as restic: size
 * for files; links for files, symlinks and devices (not for dirs, FIFOs, sockets); the target for symlinks; the
 * device number for block and character devices; extended attributes for files and directories (see
 * {@code ExtendedAttributeReader} for the gap). Times are shown in the given zone (restic uses the machine's local
 * zone). Nothing is ever opened except files and directories for their {@code user.*} attributes: FIFOs, sockets
 * and devices are only {@code lstat}ed. Names and link targets are raw bytes ({@link RawPaths}).
 *
 * <p>The node has no {@code content} (files) or {@code subtree} (dirs) yet: chunking and saving the child tree
 * set them ({@code content} must become a list, {@code []} for an empty file, or restic's check reports it).
 * Thread-safe; the user and group name caches are shared by all readers made from one another.
 */
public final class NodeReader {
    private static final String ATTRIBUTES = "unix:mode,ino,dev,rdev,nlink,uid,gid,size,lastModifiedTime,lastAccessTime,ctime";

    private final ZoneId zone;
    private final boolean withAtime;
    private final boolean withExtendedAttributes;
    private final OwnerNames owners;
    private final ExtendedAttributeReader xattrs;

    private NodeReader(ZoneId zone, boolean withAtime, boolean withExtendedAttributes, OwnerNames owners,
            ExtendedAttributeReader xattrs) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.withAtime = withAtime;
        this.withExtendedAttributes = withExtendedAttributes;
        this.owners = owners;
        this.xattrs = xattrs;
    }

    /** restic's defaults: the JVM's default zone, atime recorded as mtime, extended attributes read. */
    public static NodeReader defaults() {
        return new NodeReader(ZoneId.systemDefault(), false, true, new OwnerNames(), new ExtendedAttributeReader());
    }

    /** Times shown in {@code zone} (restic shows them in the local zone of the machine that backs up). */
    public NodeReader withZone(ZoneId zone) {
        return new NodeReader(zone, withAtime, withExtendedAttributes, owners, xattrs);
    }

    /** Records the real access time, as {@code restic backup --with-atime}. */
    public NodeReader withAtime(boolean on) {
        return new NodeReader(zone, on, withExtendedAttributes, owners, xattrs);
    }

    /** Whether to read extended attributes (on by default, as in restic). */
    public NodeReader withExtendedAttributes(boolean on) {
        return new NodeReader(zone, withAtime, on, owners, xattrs);
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * The node of {@code path} itself (a symlink is not followed), named by the last element of the path.
     *
     * @throws IOException if the metadata cannot be read, or the file type is not one restic knows
     */
    public Node read(Path path) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        int stMode = (Integer) a.get("mode");
        long goMode = GoFileMode.fromPosix(stMode) & GoFileMode.RESTIC_MASK;
        NodeType type = NodeType.fromGoMode(goMode);
        if (type == NodeType.UNKNOWN) {
            throw new IOException(path + ": file type " + Integer.toOctalString(stMode & GoFileMode.S_IFMT) + " is not one restic stores");
        }
        long uid = Integer.toUnsignedLong((Integer) a.get("uid"));
        long gid = Integer.toUnsignedLong((Integer) a.get("gid"));
        long deviceId = (Long) a.get("dev");
        long links = Integer.toUnsignedLong((Integer) a.get("nlink"));
        OffsetDateTime mtime = time((FileTime) a.get("lastModifiedTime"));
        String[] names = owners.lookup(path, uid, gid);

        Node.Builder b = Node.builder(type, RawPaths.fileName(path))
                .mode(goMode)
                .mtime(mtime)
                .atime(withAtime ? time((FileTime) a.get("lastAccessTime")) : mtime)
                .ctime(time((FileTime) a.get("ctime")))
                .uid(uid)
                .gid(gid)
                .user(names[0])
                .group(names[1])
                .inode((Long) a.get("ino"))
                .deviceId(deviceId);
        switch (type) {
            case FILE:
                b.size((Long) a.get("size")).links(links);
                break;
            case SYMLINK:
                b.linkTarget(RawPaths.linkTarget(path)).links(links);
                break;
            case DEV:
            case CHARDEV:
                b.device((Long) a.get("rdev")).links(links);
                break;
            default:
                break;
        }
        if (withExtendedAttributes && (type == NodeType.FILE || type == NodeType.DIR)) {
            List<ExtendedAttribute> list = xattrs.read(path, deviceId);
            b.extendedAttributes(list);
        }
        return b.build();
    }

    private OffsetDateTime time(FileTime t) {
        Instant i = t.toInstant();
        return GoTime.ofEpoch(i.getEpochSecond(), i.getNano(), zone);
    }
}
