package org.hygie.audit.rule;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hygie.audit.fact.Facts;

/** Fills {@code {fact.id}}, {@code {$threshold}} and {@code {name}} (extra values) in a catalogue text. */
public final class Template {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([$A-Za-z0-9_.-]+)}");

    private Template() {
    }

    public static String fill(String text, Facts facts, Map<String, Object> thresholds, Map<String, String> extra) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            Object v;
            if (name.startsWith("$")) {
                v = thresholds.get(name.substring(1));
            } else if (extra.containsKey(name)) {
                v = extra.get(name);
            } else {
                v = facts.value(name).orElse(null);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(format(v)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String format(Object v) {
        if (v == null) {
            return "?";
        }
        if (v instanceof List<?> l) {
            return l.isEmpty() ? "-" : String.join(", ", l.stream().map(String::valueOf).toList());
        }
        if (v instanceof Double d && d == Math.rint(d)) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(v);
    }
}
