package org.hygie.practice.duty;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One duty at a time: an OS file lock on {@code duty.lock} in the state folder. The OS releases it when the
 * process ends, however it ends, so a crashed duty never blocks the next night.
 */
public final class DutyLock implements AutoCloseable {
    public static final String FILE_NAME = "duty.lock";
    /**
     * Lock files held by this process. A duty asked for twice in one process (the dashboard's "run now" while a
     * drill it started still runs) is refused here, before the file is opened again: on POSIX systems closing any
     * descriptor of a file drops every lock the process holds on it, so a second open and close would silently free
     * the first duty's lock for other processes.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();
    private final FileChannel channel;
    private final FileLock lock;
    private final Path key;

    private DutyLock(FileChannel channel, FileLock lock, Path key) {
        this.channel = channel;
        this.lock = lock;
        this.key = key;
    }

    /** Takes the lock, or throws {@link DutyBusyException} naming who holds it. */
    public static DutyLock acquire(Path stateDir) {
        Path file = stateDir.resolve(FILE_NAME);
        Path key = file.toAbsolutePath().normalize();
        if (!HELD.add(key)) {
            throw new DutyBusyException(file, String.valueOf(ProcessHandle.current().pid()));
        }
        try {
            return take(file, key);
        } catch (RuntimeException e) {
            HELD.remove(key);
            throw e;
        }
    }

    private static DutyLock take(Path file, Path key) {
        Path stateDir = file.getParent();
        FileChannel ch = null;
        try {
            Files.createDirectories(stateDir);
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                ch.close();
                throw new DutyBusyException(file, holder);
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
            return new DutyLock(ch, l, key);
        } catch (IOException e) {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
            throw new java.io.UncheckedIOException("cannot take the duty lock " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the OS releases the lock with the process anyway
        } finally {
            HELD.remove(key);
        }
    }
}
