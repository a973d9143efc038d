package org.hygie.repository.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadParallelismTest {
    @TempDir
    Path tmp;

    @Test
    void aLocalFolderGetsOneReaderPerCoreAndANetworkStoreAtLeastEight() {
        int cores = Math.max(2, Runtime.getRuntime().availableProcessors());
        Backend local = new LocalBackend(tmp);
        assertFalse(local.overNetwork());
        assertEquals(cores, ReadParallelism.readers(local));

        Backend far = new FilterBackend(local) {
            @Override
            public boolean overNetwork() {
                return true;
            }
        };
        Backend retrying = new RetryingBackend(far, RetryingBackend.Policy.FAST);
        assertTrue(retrying.overNetwork(), "the retrying wrapper says what it wraps");
        assertEquals(Math.max(cores, ReadParallelism.OVER_NETWORK), ReadParallelism.readers(retrying));
    }
}
