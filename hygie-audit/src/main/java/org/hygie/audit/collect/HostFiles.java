package org.hygie.audit.collect;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Read-only view of the machine's files, by absolute path: live, or rooted in a recording for tests. */
public interface HostFiles {
    FileRead read(String path);

    boolean exists(String path);

    /** The names in a folder, sorted; empty when it is missing or unreadable. */
    List<String> list(String dir);

    Optional<Instant> modified(String path);
}
