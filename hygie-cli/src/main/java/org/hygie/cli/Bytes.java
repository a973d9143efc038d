package org.hygie.cli;

import java.util.Locale;

/** Byte counts as people read them, in their language: "2,9 Mio" in French, "2.9 MiB" in English. */
final class Bytes {
    private static final String[] FRENCH = {"o", "Kio", "Mio", "Gio", "Tio"};
    private static final String[] ENGLISH = {"B", "KiB", "MiB", "GiB", "TiB"};

    private Bytes() {
    }

    static String human(long bytes, Locale locale) {
        boolean french = locale.getLanguage().equals(Locale.FRENCH.getLanguage());
        String[] units = french ? FRENCH : ENGLISH;
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + " " + units[0] : String.format(french ? Locale.FRENCH : Locale.ENGLISH, "%.1f %s", v,
                units[u]);
    }
}
