package org.hygie.repository.tree;

/**
 * The node types restic 0.14 knows. A tree may hold any other string (a newer restic writes {@code irregular}); it
 * decodes as {@link #UNKNOWN} and {@link Node#typeName()} keeps the text, so that check can report it.
 */
public enum NodeType {
    FILE("file"),
    DIR("dir"),
    SYMLINK("symlink"),
    /** A block device. */
    DEV("dev"),
    CHARDEV("chardev"),
    FIFO("fifo"),
    SOCKET("socket"),
    /** Any other type string; never written by Hygie. */
    UNKNOWN(null);

    private final String jsonName;

    NodeType(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The string in the tree JSON; {@code null} for {@link #UNKNOWN}. */
    public String jsonName() {
        return jsonName;
    }

    /** The type for a tree's {@code type} string; {@link #UNKNOWN} for anything restic 0.14 does not write. */
    public static NodeType fromJsonName(String s) {
        if (s != null) {
            for (NodeType t : values()) {
                if (s.equals(t.jsonName)) {
                    return t;
                }
            }
        }
        return UNKNOWN;
    }

    /** The type of a POSIX {@code st_mode}, as restic's {@code nodeTypeFromFileInfo} decides it. */
    public static NodeType fromPosixMode(int stMode) {
        return fromGoMode(GoFileMode.fromPosix(stMode));
    }

    /** The type of a Go {@code os.FileMode}; a mode without type bits is a {@link #FILE}. */
    public static NodeType fromGoMode(long goMode) {
        long t = goMode & GoFileMode.TYPE;
        if (t == 0) {
            return FILE;
        } else if (t == GoFileMode.DIR) {
            return DIR;
        } else if (t == GoFileMode.SYMLINK) {
            return SYMLINK;
        } else if (t == (GoFileMode.DEVICE | GoFileMode.CHAR_DEVICE)) {
            return CHARDEV;
        } else if (t == GoFileMode.DEVICE) {
            return DEV;
        } else if (t == GoFileMode.NAMED_PIPE) {
            return FIFO;
        } else if (t == GoFileMode.SOCKET) {
            return SOCKET;
        }
        return UNKNOWN;
    }
}
