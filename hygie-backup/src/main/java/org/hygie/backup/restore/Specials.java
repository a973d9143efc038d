package org.hygie.backup.restore;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hygie.repository.tree.Node;
import org.hygie.repository.tree.NodeType;

/**
 * Creates FIFOs and device nodes, which Java cannot make, with the OS's mkfifo and mknod, and sets their
 * metadata with chown, chmod and touch: the JDK's attribute setters open the file, and opening a FIFO blocks.
 */
final class Specials {
    private Specials() {
    }

    static void create(Path p, Node n, boolean ownership) throws IOException {
        String mode = Integer.toOctalString(MetadataWriter.posixPermissions(n.mode()));
        if (n.type() == NodeType.FIFO) {
            run("mkfifo", "-m", mode, "--", p.toString());
        } else {
            long dev = n.device();
            long major = ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
            long minor = (dev & 0xff) | ((dev >>> 12) & ~0xffL);
            run("mknod", "-m", mode, "--", p.toString(), n.type() == NodeType.DEV ? "b" : "c", Long.toString(major),
                    Long.toString(minor));
        }
        if (ownership) {
            run("chown", "-h", n.uid() + ":" + n.gid(), "--", p.toString());
            run("chmod", mode, "--", p.toString()); // chown clears setuid and setgid
        }
        if (n.mtime() != null) {
            touch(p, n.mtime(), n.atime() != null ? n.atime() : n.mtime());
        }
    }

    /** Sets mtime and atime to the nanosecond without opening or following {@code p}. */
    static void touch(Path p, OffsetDateTime mtime, OffsetDateTime atime) throws IOException {
        run("touch", "-h", "-m", "-d", epoch(mtime), "--", p.toString());
        run("touch", "-h", "-a", "-d", epoch(atime), "--", p.toString());
    }

    private static String epoch(OffsetDateTime t) {
        java.time.Instant i = t.toInstant();
        return String.format("@%d.%09d", i.getEpochSecond(), i.getNano());
    }

    private static void run(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(args));
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(proc.getInputStream().readAllBytes()).strip();
            if (!proc.waitFor(30, TimeUnit.SECONDS) || proc.exitValue() != 0) {
                throw new IOException(args[0] + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
