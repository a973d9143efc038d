package org.hygie.audit.collect;

import java.util.Locale;

/** The operating systems the audit knows. */
public enum OsFamily {
    LINUX, WINDOWS, MACOS;

    /** The family of the JVM's OS, from {@code os.name}. */
    public static OsFamily current() {
        String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return WINDOWS;
        }
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return MACOS;
        }
        return LINUX;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
