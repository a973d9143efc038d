package org.hygie.backup.restore;

import java.nio.file.Path;

/**
 * Guards the restore target against hostile trees: a node name must be one path component, never empty,
 * {@code .}, {@code ..}, or holding a slash or NUL; the resolved child must sit directly in its parent.
 */
final class SafeNames {
    private SafeNames() {
    }

    /** The child path, or null when the name is unsafe. */
    static Path child(Path dir, byte[] rawName, String name) {
        if (rawName == null || rawName.length == 0) {
            return null;
        }
        for (byte b : rawName) {
            if (b == '/' || b == 0) {
                return null;
            }
        }
        if (name.equals(".") || name.equals("..") || name.indexOf('/') >= 0 || name.indexOf('\0') >= 0
                || (java.io.File.separatorChar == '\\' && name.indexOf('\\') >= 0)) {
            return null;
        }
        Path child;
        try {
            child = dir.resolve(name);
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
        if (!dir.equals(child.getParent()) || !child.normalize().equals(child)) {
            return null;
        }
        return child;
    }
}
