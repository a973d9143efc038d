package org.hygie.audit.collect.macos;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the top-level {@code key = value;} lines that {@code defaults read DOMAIN} prints (old-style plist text).
 * Nested arrays and dictionaries are skipped; their first line's key maps to {@code (} or <code>{</code>.
 */
final class DefaultsText {
    private DefaultsText() {
    }

    static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        int depth = 0;
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (depth == 1) {
                int eq = line.indexOf(" = ");
                if (eq > 0) {
                    String key = unquote(line.substring(0, eq).strip());
                    String value = line.substring(eq + 3).strip();
                    if (value.endsWith(";")) {
                        value = value.substring(0, value.length() - 1).strip();
                    }
                    values.put(key, unquote(value));
                }
            }
            for (char c : line.toCharArray()) {
                if (c == '{' || c == '(') {
                    depth++;
                } else if (c == '}' || c == ')') {
                    depth--;
                }
            }
        }
        return values;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /** A plist boolean as {@code defaults} prints it (1/0, true/false), or {@code fallback} when absent. */
    static boolean bool(Map<String, String> values, String key, boolean fallback) {
        String v = values.get(key);
        return v == null ? fallback : v.equals("1") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes");
    }
}
