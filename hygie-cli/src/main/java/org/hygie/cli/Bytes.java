package org.hygie.cli;

import java.util.Locale;

/** Byte counts as people read them. */
final class Bytes {
    private Bytes() {
    }

    static String human(long bytes) {
        String[] units = {"o", "Kio", "Mio", "Gio", "Tio"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + " o" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
