package org.hygie.audit.collect.macos;

import java.util.HashMap;
import java.util.Map;

/** Reads the {@code AC Power:} section of {@code pmset -g custom}: setting name to value (minutes for timers). */
final class PmsetText {
    private PmsetText() {
    }

    static Map<String, Long> acPower(String text) {
        Map<String, Long> values = new HashMap<>();
        boolean inAc = false;
        for (String raw : text.split("\\R")) {
            if (!raw.startsWith(" ") && raw.endsWith(":")) {
                inAc = raw.strip().equals("AC Power:");
                continue;
            }
            String[] f = raw.strip().split("\\s+");
            if (inAc && f.length >= 2 && f[1].matches("\\d+")) {
                values.put(f[0], Long.parseLong(f[1]));
            }
        }
        return values;
    }
}
