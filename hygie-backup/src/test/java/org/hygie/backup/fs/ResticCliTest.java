package org.hygie.backup.fs;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class ResticCliTest {
    @TempDir
    Path dir;

    @Test
    void a_missing_restic_fails_the_test_instead_of_skipping_it() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> new ResticCli(dir.resolve("no-restic").toString(), dir.resolve("repo"), "UTC"));
        assertTrue(e.getMessage().contains("apt-get install restic"), e.getMessage());
    }
}
