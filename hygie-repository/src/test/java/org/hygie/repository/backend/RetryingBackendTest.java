package org.hygie.repository.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.hygie.repository.id.Id;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetryingBackendTest extends BackendContract {
    @TempDir
    Path tmp;
    private int n;

    @Override
    protected boolean crossesANetwork() {
        return false;
    }

    @Override
    protected Backend newBackend() throws Exception {
        Backend b = new RetryingBackend(new LocalBackend(tmp.resolve("repo-" + n++)), RetryingBackend.Policy.FAST);
        b.create();
        return b;
    }

    @Test
    void transientFailuresAreRetriedAndASaveWhoseAnswerWasLostCountsAsDone() throws Exception {
        LocalBackend local = new LocalBackend(tmp.resolve("flaky"));
        local.create();
        AtomicInteger calls = new AtomicInteger();
        Backend flaky = new FilterBackend(local) {
            @Override
            public void save(FileType type, String name, byte[] data, int length) throws IOException {
                if (calls.incrementAndGet() == 1) {
                    super.save(type, name, data, length); // stored, but the answer is lost
                    throw new IOException("connection reset");
                }
                super.save(type, name, data, length);
            }

            @Override
            public byte[] load(FileType type, String name) throws IOException {
                if (calls.incrementAndGet() < 5) {
                    throw new IOException("503 slow down");
                }
                return super.load(type, name);
            }
        };
        Backend b = new RetryingBackend(flaky, RetryingBackend.Policy.FAST);
        byte[] data = {1, 2, 3};
        String name = Id.hash(data).hex();
        b.save(FileType.SNAPSHOT, name, data);
        assertArrayEquals(data, b.load(FileType.SNAPSHOT, name));
        assertTrue(calls.get() >= 5);
    }

    @Test
    void permanentFailureEndsWithAClearError() throws Exception {
        Backend broken = new FilterBackend(new LocalBackend(tmp.resolve("x"))) {
            @Override
            public byte[] load(FileType type, String name) throws IOException {
                throw new IOException("host unreachable");
            }
        };
        IOException e = assertThrows(IOException.class, () -> new RetryingBackend(broken, RetryingBackend.Policy.FAST)
                .load(FileType.SNAPSHOT, Id.hash(new byte[0]).hex()));
        assertTrue(e.getMessage().contains("6 attempts") && e.getMessage().contains("host unreachable"),
                e.getMessage());
    }

    @Test
    void aRefusalIsAnAnswerAndIsNotRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Backend appendOnly = new FilterBackend(new LocalBackend(tmp.resolve("y"))) {
            @Override
            public void delete(FileType type, String name) throws IOException {
                calls.incrementAndGet();
                throw new java.nio.file.AccessDeniedException(name, null, "append-only");
            }
        };
        assertThrows(java.nio.file.AccessDeniedException.class, () -> new RetryingBackend(appendOnly,
                RetryingBackend.Policy.FAST).delete(FileType.SNAPSHOT, Id.hash(new byte[0]).hex()));
        assertTrue(calls.get() == 1, calls.get() + " calls");
    }

    @Test
    void aHostKeyOrALoginRefusedIsNotRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        RefusalException refused = new RefusalException("the host key of the SSH server nas.lan has CHANGED", null) {
        };
        Backend reinstalled = new FilterBackend(new LocalBackend(tmp.resolve("z"))) {
            @Override
            public byte[] load(FileType type, String name) throws IOException {
                calls.incrementAndGet();
                throw refused;
            }
        };
        IOException e = assertThrows(IOException.class, () -> new RetryingBackend(reinstalled,
                RetryingBackend.Policy.FAST).load(FileType.CONFIG, null));
        assertSame(refused, e);
        assertTrue(calls.get() == 1, calls.get() + " calls");
    }

    @Test
    void aConfigWhoseAnswerWasLostCountsAsDoneOnlyIfItIsOurs() throws Exception {
        LocalBackend local = new LocalBackend(tmp.resolve("config-lost"));
        local.create();
        AtomicInteger calls = new AtomicInteger();
        Backend lossy = new FilterBackend(local) {
            @Override
            public void save(FileType type, String name, byte[] data, int length) throws IOException {
                super.save(type, name, data, length);
                if (calls.incrementAndGet() == 1) {
                    throw new IOException("500 after the work");
                }
            }
        };
        Backend b = new RetryingBackend(lossy, RetryingBackend.Policy.FAST);
        b.save(FileType.CONFIG, null, new byte[] {7, 7});
        assertArrayEquals(new byte[] {7, 7}, b.load(FileType.CONFIG, null));
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> b.save(FileType.CONFIG, null,
                new byte[] {8, 8}));
    }
}
