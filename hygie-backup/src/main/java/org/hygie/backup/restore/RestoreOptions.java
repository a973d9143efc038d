package org.hygie.backup.restore;

import java.nio.file.Path;
import java.util.List;

/**
 * What to restore and where: the target folder, include patterns (restic's syntax: {@code *}, {@code **};
 * a pattern not starting with {@code /} matches at any depth), and whether existing files may be replaced.
 */
public record RestoreOptions(Path target, List<String> includes, boolean overwrite, boolean restoreOwnership) {

    public static RestoreOptions to(Path target) {
        return new RestoreOptions(target, List.of(), false, isRoot());
    }

    public RestoreOptions withIncludes(List<String> patterns) {
        return new RestoreOptions(target, List.copyOf(patterns), overwrite, restoreOwnership);
    }

    public RestoreOptions withOverwrite(boolean replace) {
        return new RestoreOptions(target, includes, replace, restoreOwnership);
    }

    /** Ownership is restored only when running as root, as restic does. */
    static boolean isRoot() {
        return org.hygie.repository.host.Host.uid() == 0 && !System.getProperty("os.name", "").startsWith("Windows");
    }
}
