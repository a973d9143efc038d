package org.hygie.backup.restore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.OffsetDateTime;
import org.hygie.repository.tree.GoFileMode;
import org.hygie.repository.tree.Node;
import org.hygie.repository.tree.NodeType;

/**
 * Applies a node's metadata to what was restored, never following a symlink: ownership (as root only) first,
 * since chown clears setuid bits; then mode with setuid, setgid and sticky; then times.
 */
final class MetadataWriter {
    private final boolean ownership;

    MetadataWriter(boolean ownership) {
        this.ownership = ownership;
    }

    void apply(Path p, Node n) throws IOException {
        if (ownership) {
            Files.setAttribute(p, "unix:uid", (int) n.uid(), LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(p, "unix:gid", (int) n.gid(), LinkOption.NOFOLLOW_LINKS);
        }
        if (n.type() != NodeType.SYMLINK) {
            Files.setAttribute(p, "unix:mode", posixPermissions(n.mode()), LinkOption.NOFOLLOW_LINKS);
        }
        OffsetDateTime atime = n.atime() != null ? n.atime() : n.mtime();
        if (n.type() == NodeType.SYMLINK && hasSubMicros(n.mtime(), atime)) {
            // the JDK sets a link's times with lutimes, to the microsecond: touch -h keeps the nanoseconds
            Specials.touch(p, n.mtime(), atime);
            return;
        }
        BasicFileAttributeView view = Files.getFileAttributeView(p, BasicFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        view.setTimes(time(n.mtime()), time(atime), null);
    }

    private static boolean hasSubMicros(OffsetDateTime... times) {
        for (OffsetDateTime t : times) {
            if (t != null && t.getNano() % 1000 != 0) {
                return true;
            }
        }
        return false;
    }

    /** Go mode bits to POSIX permission bits with 04000, 02000, 01000. */
    static int posixPermissions(long goMode) {
        int m = (int) (goMode & GoFileMode.PERM);
        if ((goMode & GoFileMode.SETUID) != 0) {
            m |= 04000;
        }
        if ((goMode & GoFileMode.SETGID) != 0) {
            m |= 02000;
        }
        if ((goMode & GoFileMode.STICKY) != 0) {
            m |= 01000;
        }
        return m;
    }

    private static FileTime time(OffsetDateTime t) {
        return t == null ? null : FileTime.from(t.toInstant());
    }
}
