package org.hygie.repository.cache;

import java.nio.file.Path;
import java.util.Map;

/** Where the local copies live: {@code HYGIE_CACHE_DIR}, else {@code $XDG_CACHE_HOME/hygie}, else {@code ~/.cache/hygie}. */
public final class CacheRoot {
    private CacheRoot() {
    }

    public static Path standard(Map<String, String> env, String userHome) {
        String own = env.get("HYGIE_CACHE_DIR");
        if (own != null && !own.isBlank()) {
            return Path.of(own);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "hygie");
        }
        return Path.of(userHome, ".cache", "hygie");
    }

    /** The standard place for this process. */
    public static Path standard() {
        return standard(System.getenv(), System.getProperty("user.home"));
    }
}
