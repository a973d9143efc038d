package org.hygie.backup.archiver;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/** Counts what the targets hold, beside the backup, so that progress can show the time left (as restic does). */
final class Scanner extends Thread {
    private final List<Path> targets;
    private final Excluder excluder;
    private final BackupListener listener;

    Scanner(List<Path> targets, Excluder excluder, BackupListener listener) {
        super("hygie-backup-scan");
        setDaemon(true);
        this.targets = targets;
        this.excluder = excluder;
        this.listener = listener;
    }

    @Override
    public void run() {
        long[] totals = new long[2];
        for (Path t : targets) {
            try {
                Files.walkFileTree(t, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (isInterrupted()) {
                            return FileVisitResult.TERMINATE;
                        }
                        return excluder.excluded(dir) ? FileVisitResult.SKIP_SUBTREE
                                : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile() && !excluder.excluded(file)) {
                            totals[0]++;
                            totals[1] += attrs.size();
                            if ((totals[0] & 1023) == 0) {
                                listener.scanned(totals[0], totals[1], false);
                            }
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException exc) {
                        return FileVisitResult.CONTINUE; // the backup itself reports what it cannot read
                    }
                });
            } catch (IOException e) {
                return; // only an estimate: the backup goes on without it
            }
        }
        listener.scanned(totals[0], totals[1], true);
    }
}
