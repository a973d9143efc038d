package org.hygie.backup.restore;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hygie.repository.tree.Node;
import org.hygie.repository.tree.NodeType;

/** Creates FIFOs and device nodes, which Java cannot make itself, with the OS's mkfifo and mknod. */
final class Specials {
    private Specials() {
    }

    static void create(java.nio.file.Path p, Node n) throws IOException {
        List<String> cmd;
        if (n.type() == NodeType.FIFO) {
            cmd = List.of("mkfifo", "--", p.toString());
        } else {
            long dev = n.device();
            long major = ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
            long minor = (dev & 0xff) | ((dev >>> 12) & ~0xffL);
            cmd = List.of("mknod", "--", p.toString(), n.type() == NodeType.DEV ? "b" : "c", Long.toString(major),
                    Long.toString(minor));
        }
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(proc.getInputStream().readAllBytes()).strip();
            if (!proc.waitFor(30, TimeUnit.SECONDS) || proc.exitValue() != 0) {
                throw new IOException(cmd.get(0) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
