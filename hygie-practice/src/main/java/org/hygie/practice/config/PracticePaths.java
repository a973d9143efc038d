package org.hygie.practice.config;

import java.nio.file.Path;

/**
 * Where a practice's files live by default. The configuration: {@code ~/.config/hygie/hygie.yaml}
 * ({@code %APPDATA%\Hygie\hygie.yaml} on Windows). The journal and the duty lock: beside a configuration kept
 * anywhere else (one folder, one practice), and in {@code ~/.local/share/hygie} ({@code %LOCALAPPDATA%\Hygie})
 * for the default configuration.
 */
public final class PracticePaths {
    private PracticePaths() {
    }

    static boolean windows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }

    public static Path defaultConfigDir() {
        if (windows() && System.getenv("APPDATA") != null) {
            return Path.of(System.getenv("APPDATA"), "Hygie");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("hygie");
    }

    public static Path defaultConfigFile() {
        return defaultConfigDir().resolve("hygie.yaml");
    }

    static Path defaultPasswordFile(Path home) {
        return defaultConfigDir().resolve("password");
    }

    static Path defaultStateDir(Path configFile, Path home) {
        if (configFile != null && !configFile.equals(defaultConfigFile().toAbsolutePath().normalize())) {
            return configFile.getParent();
        }
        if (windows() && System.getenv("LOCALAPPDATA") != null) {
            return Path.of(System.getenv("LOCALAPPDATA"), "Hygie");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share");
        return base.resolve("hygie");
    }
}
