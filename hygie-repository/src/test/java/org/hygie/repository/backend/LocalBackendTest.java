package org.hygie.repository.backend;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class LocalBackendTest extends BackendContract {
    @TempDir
    Path tmp;
    private int n;

    @Override
    protected boolean crossesANetwork() {
        return false;
    }

    @Override
    protected Backend newBackend() throws Exception {
        Backend b = new LocalBackend(tmp.resolve("repo-" + n++));
        b.create();
        return b;
    }
}
