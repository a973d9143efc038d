package org.hygie.repository.tree;

/**
 * Go's {@code os.FileMode} bits, which restic stores in a node's {@code mode} (reference §10.4), and their mapping
 * to and from POSIX {@code st_mode}. Values reach 2^32 - 1, so they are {@code long}s.
 */
public final class GoFileMode {
    public static final long DIR = 1L << 31;
    public static final long APPEND = 1L << 30;
    public static final long EXCLUSIVE = 1L << 29;
    public static final long TEMPORARY = 1L << 28;
    public static final long SYMLINK = 1L << 27;
    public static final long DEVICE = 1L << 26;
    public static final long NAMED_PIPE = 1L << 25;
    public static final long SOCKET = 1L << 24;
    public static final long SETUID = 1L << 23;
    public static final long SETGID = 1L << 22;
    public static final long CHAR_DEVICE = 1L << 21;
    public static final long STICKY = 1L << 20;
    public static final long IRREGULAR = 1L << 19;
    public static final long PERM = 0777;
    /** Go's {@code ModeType}. */
    public static final long TYPE = DIR | SYMLINK | NAMED_PIPE | SOCKET | DEVICE | CHAR_DEVICE | IRREGULAR;
    /** What restic keeps: {@code ModePerm | ModeType | ModeSetuid | ModeSetgid | ModeSticky}. */
    public static final long RESTIC_MASK = PERM | TYPE | SETUID | SETGID | STICKY;

    /** POSIX {@code S_IFMT} and its file types. */
    public static final int S_IFMT = 0170000;
    public static final int S_IFSOCK = 0140000;
    public static final int S_IFLNK = 0120000;
    public static final int S_IFREG = 0100000;
    public static final int S_IFBLK = 0060000;
    public static final int S_IFDIR = 0040000;
    public static final int S_IFCHR = 0020000;
    public static final int S_IFIFO = 0010000;
    public static final int S_ISUID = 04000;
    public static final int S_ISGID = 02000;
    public static final int S_ISVTX = 01000;

    private GoFileMode() {
    }

    /** Go's {@code fillFileStatFromSys} on Linux: the {@code os.FileMode} of a {@code st_mode}. */
    public static long fromPosix(int stMode) {
        long mode = stMode & PERM;
        switch (stMode & S_IFMT) {
            case S_IFBLK: mode |= DEVICE; break;
            case S_IFCHR: mode |= DEVICE | CHAR_DEVICE; break;
            case S_IFDIR: mode |= DIR; break;
            case S_IFIFO: mode |= NAMED_PIPE; break;
            case S_IFLNK: mode |= SYMLINK; break;
            case S_IFSOCK: mode |= SOCKET; break;
            default: break;
        }
        if ((stMode & S_ISGID) != 0) {
            mode |= SETGID;
        }
        if ((stMode & S_ISUID) != 0) {
            mode |= SETUID;
        }
        if ((stMode & S_ISVTX) != 0) {
            mode |= STICKY;
        }
        return mode;
    }

    /** The {@code chmod} bits of a Go mode: permissions plus setuid (04000), setgid (02000) and sticky (01000). */
    public static int toPosixPermissions(long goMode) {
        int m = (int) (goMode & PERM);
        if ((goMode & SETUID) != 0) {
            m |= S_ISUID;
        }
        if ((goMode & SETGID) != 0) {
            m |= S_ISGID;
        }
        if ((goMode & STICKY) != 0) {
            m |= S_ISVTX;
        }
        return m;
    }

    /** A full {@code st_mode} (type and permission bits) for a Go mode; a mode without type bits is a regular file. */
    public static int toPosix(long goMode) {
        int type;
        if ((goMode & DIR) != 0) {
            type = S_IFDIR;
        } else if ((goMode & SYMLINK) != 0) {
            type = S_IFLNK;
        } else if ((goMode & DEVICE) != 0) {
            type = (goMode & CHAR_DEVICE) != 0 ? S_IFCHR : S_IFBLK;
        } else if ((goMode & NAMED_PIPE) != 0) {
            type = S_IFIFO;
        } else if ((goMode & SOCKET) != 0) {
            type = S_IFSOCK;
        } else {
            type = S_IFREG;
        }
        return type | toPosixPermissions(goMode);
    }
}
