package org.hygie.audit.rule;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** One text in French and English. */
public record Texts(Map<String, String> byLanguage) {
    public static final String FRENCH = "fr";
    public static final String ENGLISH = "en";

    public Texts {
        byLanguage = Map.copyOf(byLanguage);
    }

    static Texts from(JsonNode node, String where) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String lang : new String[] {FRENCH, ENGLISH}) {
            String t = node.path(lang).asText("");
            if (t.isBlank()) {
                throw new IllegalArgumentException(where + ": missing " + lang + " text");
            }
            m.put(lang, t);
        }
        return new Texts(m);
    }

    /** The text in {@code lang}, French when that language is not known. */
    public String in(String lang) {
        return byLanguage.getOrDefault(lang, byLanguage.get(FRENCH));
    }
}
