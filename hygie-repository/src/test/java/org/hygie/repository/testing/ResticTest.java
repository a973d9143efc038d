package org.hygie.repository.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResticTest {
    @TempDir
    Path dir;

    @Test
    void aMissingResticFailsTheTestInsteadOfSkippingIt() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> new Restic(dir.resolve("repo"), "pw", dir.resolve("no-restic").toString()));
        assertTrue(e.getMessage().contains("apt-get install restic"), e.getMessage());
    }

    @Test
    void itIsRestic014() {
        String version = new Restic(dir.resolve("repo"), "pw").run(null, "version").out();
        assertTrue(version.startsWith("restic 0.14."), "the interoperability reference is restic 0.14: " + version);
    }
}
