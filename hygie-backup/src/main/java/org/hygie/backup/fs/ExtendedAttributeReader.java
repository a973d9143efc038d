package org.hygie.backup.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hygie.repository.tree.ExtendedAttribute;

/**
 * Extended attributes of regular files and directories, in the order the kernel lists them.
 *
 * <p><b>Gap with restic:</b> restic lists every namespace with {@code listxattr} ({@code user.}, {@code security.},
 * {@code system.posix_acl_*}, {@code trusted.} as root). The JDK's {@link UserDefinedFileAttributeView} gives only
 * {@code user.*}, so a file with an ACL or an SELinux label gets a node without those attributes, and a tree that
 * differs from restic's. The view also opens the file (restic does not), which is why FIFOs, sockets and devices are
 * never asked (Linux allows no {@code user.*} attribute on them anyway), and a file or directory without read
 * permission (for a non-root user) gets no attributes. An attribute name that is not UTF-8 is decoded with U+FFFD.
 * A file system without extended attributes gives none, as in restic.
 */
final class ExtendedAttributeReader {
    private final Map<Long, Boolean> unsupportedDevices = new ConcurrentHashMap<>();

    List<ExtendedAttribute> read(Path path, long deviceId) throws IOException {
        if (unsupportedDevices.containsKey(deviceId)) {
            return List.of();
        }
        UserDefinedFileAttributeView view = Files.getFileAttributeView(path, UserDefinedFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return List.of();
        }
        List<String> names;
        try {
            names = view.list();
        } catch (AccessDeniedException e) {
            // the JDK opens the file to list; restic's listxattr needs no read permission. restic cannot read such
            // a file's content or such a directory's entries either, and reports that; the node gets no attributes
            return List.of();
        } catch (FileSystemException e) {
            if (!Files.getFileStore(path).supportsFileAttributeView(UserDefinedFileAttributeView.class)) {
                unsupportedDevices.put(deviceId, Boolean.TRUE);
                return List.of();
            }
            throw e;
        }
        List<ExtendedAttribute> out = new ArrayList<>(names.size());
        for (String name : names) {
            byte[] value = value(view, name);
            if (value != null) {
                out.add(ExtendedAttribute.of("user." + name, value));
            }
        }
        return out;
    }

    /** The value, or {@code null} when the attribute went away since it was listed. */
    private static byte[] value(UserDefinedFileAttributeView view, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                ByteBuffer buf = ByteBuffer.allocate(view.size(name));
                view.read(name, buf);
                buf.flip();
                byte[] b = new byte[buf.remaining()];
                buf.get(b);
                return b;
            } catch (FileSystemException e) {
                if (!view.list().contains(name)) {
                    return null;
                }
                if (attempt >= 3) {
                    throw e; // still there and still unreadable (or growing faster than we read)
                }
            }
        }
    }
}
