package org.hygie.repository.backend;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.List;

/**
 * Retries transient failures of a remote backend with exponential back-off (as restic's retry backend does).
 * "Not found", "already exists" and "refused" (an append-only server's 403, a host key or a login refused:
 * {@link RefusalException}) are answers, not failures, and are not retried; a save that failed after the
 * server stored the file is recognised on retry (same name, same size) and counts as done.
 */
public final class RetryingBackend implements Backend {

    /** How often and how long to retry. */
    public record Policy(int attempts, Duration firstDelay, Duration maxDelay) {
        public static final Policy DEFAULT = new Policy(6, Duration.ofMillis(500), Duration.ofSeconds(15));
        public static final Policy FAST = new Policy(6, Duration.ofMillis(20), Duration.ofMillis(200));
    }

    private interface Op<T> {
        T run() throws IOException;
    }

    private final Backend inner;
    private final Policy policy;

    public RetryingBackend(Backend inner, Policy policy) {
        this.inner = inner;
        this.policy = policy;
    }

    public Backend inner() {
        return inner;
    }

    private <T> T retry(String what, Op<T> op) throws IOException {
        long delay = policy.firstDelay().toMillis();
        IOException last = null;
        for (int attempt = 1; attempt <= policy.attempts(); attempt++) {
            try {
                return op.run();
            } catch (NoSuchFileException | FileAlreadyExistsException | AccessDeniedException | RefusalException e) {
                throw e;
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                last = e;
                if (attempt == policy.attempts()) {
                    break;
                }
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException(what + " interrupted");
                }
                delay = Math.min(delay * 2, policy.maxDelay().toMillis());
            }
        }
        throw new IOException(what + " failed after " + policy.attempts() + " attempts: " + last.getMessage(), last);
    }

    @Override
    public String location() {
        return inner.location();
    }

    @Override
    public void create() throws IOException {
        retry("create", () -> {
            inner.create();
            return null;
        });
    }

    @Override
    public boolean exists(FileType type, String name) throws IOException {
        return retry("stat " + file(type, name), () -> inner.exists(type, name));
    }

    @Override
    public List<FileInfo> list(FileType type) throws IOException {
        return retry("list " + type.folder(), () -> inner.list(type));
    }

    @Override
    public byte[] load(FileType type, String name) throws IOException {
        return retry("read " + file(type, name), () -> inner.load(type, name));
    }

    @Override
    public byte[] load(FileType type, String name, long offset, int length) throws IOException {
        return retry("read " + file(type, name), () -> inner.load(type, name, offset, length));
    }

    @Override
    public void loadInto(FileType type, String name, long offset, byte[] dst, int dstOffset, int length)
            throws IOException {
        retry("read " + file(type, name), () -> {
            inner.loadInto(type, name, offset, dst, dstOffset, length);
            return null;
        });
    }

    @Override
    public long size(FileType type, String name) throws IOException {
        return retry("stat " + file(type, name), () -> inner.size(type, name));
    }

    @Override
    public void save(FileType type, String name, byte[] data, int length) throws IOException {
        boolean[] failedOnce = new boolean[1];
        retry("write " + file(type, name), () -> {
            try {
                inner.save(type, name, data, length);
            } catch (FileAlreadyExistsException e) {
                // an earlier attempt may have stored it before its answer was lost
                if (failedOnce[0] && storedAlready(type, name, data, length)) {
                    return null;
                }
                throw e;
            } catch (IOException e) {
                failedOnce[0] = true;
                throw e;
            }
            return null;
        });
    }

    /**
     * Whether what is stored under the name is what we tried to save: the same size for content-named files, the
     * same bytes for {@code config} (whose name says nothing, and which holds a random id).
     */
    private boolean storedAlready(FileType type, String name, byte[] data, int length) throws IOException {
        if (type == FileType.CONFIG) {
            byte[] stored = inner.load(type, name);
            return java.util.Arrays.equals(stored, 0, stored.length, data, 0, length);
        }
        return inner.size(type, name) == length;
    }

    @Override
    public void delete(FileType type, String name) throws IOException {
        retry("delete " + file(type, name), () -> {
            inner.delete(type, name);
            return null;
        });
    }

    @Override
    public boolean deletionAllowed() throws IOException {
        return retry("probe", inner::deletionAllowed);
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }

    @Override
    public boolean overNetwork() {
        return inner.overNetwork();
    }

    /** The file as messages name it: {@code config}, or its folder and name. */
    private static String file(FileType type, String name) {
        return type == FileType.CONFIG ? "config" : type.folder() + "/" + name;
    }
}
