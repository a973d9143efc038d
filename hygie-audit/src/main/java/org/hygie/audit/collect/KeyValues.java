package org.hygie.audit.collect;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the small text formats of configuration files: {@code KEY=value} (os-release, shell-like, quotes
 * removed) and INI files with {@code [section]} headers, whose keys come back as {@code section.key}.
 * Comments ({@code #}, {@code ;}) and blank lines are skipped.
 */
public final class KeyValues {
    private KeyValues() {
    }

    public static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        String section = "";
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip().toLowerCase(Locale.ROOT) + ".";
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = unquote(line.substring(eq + 1).strip());
            values.put(section.isEmpty() ? key : section + key.toLowerCase(Locale.ROOT), value);
        }
        return values;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    /** True for the usual spellings of "on": true, yes, 1, on. */
    public static boolean truthy(String v) {
        return v != null && switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            default -> false;
        };
    }
}
