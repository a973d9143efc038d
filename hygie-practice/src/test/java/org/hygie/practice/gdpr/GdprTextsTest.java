package org.hygie.practice.gdpr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The GDPR texts of the practice layer: the same keys and placeholders in French and English, all formatting. */
class GdprTextsTest {
    private static Properties load(String lang) throws Exception {
        Properties p = new Properties();
        try (var in = new InputStreamReader(GdprTextsTest.class.getResourceAsStream(
                "/org/hygie/practice/text/texts_" + lang + ".properties"), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    private static Set<String> gdprKeys(Properties p) {
        Set<String> keys = new TreeSet<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("gdpr.")).forEach(keys::add);
        return keys;
    }

    @Test
    void both_languages_have_the_same_keys_and_placeholders_and_every_text_formats() throws Exception {
        Properties fr = load("fr");
        Properties en = load("en");
        assertEquals(gdprKeys(fr), gdprKeys(en));
        assertTrue(gdprKeys(fr).size() > 35, gdprKeys(fr).toString());
        for (String k : gdprKeys(fr)) {
            boolean dates = fr.getProperty(k).contains(",date");
            for (int n : new int[] {1, 7}) {
                Object[] args = {n, "§1§", "§2§", "§3§"};
                if (dates) {
                    // the sentences with dates take them at known places
                    args = k.startsWith("gdpr.todo") ? new Object[] {"§0§", n, new Date(0)}
                            : k.endsWith("already-decided") ? new Object[] {"§0§", new Date(0)}
                            : new Object[] {new Date(0), new Date(0)};
                }
                String f = new MessageFormat(fr.getProperty(k), Locale.FRENCH).format(args);
                String e = new MessageFormat(en.getProperty(k), Locale.ENGLISH).format(args);
                for (Object a : args) {
                    if (a instanceof String m) {
                        assertEquals(e.contains(m), f.contains(m), k + " placeholder " + m);
                    }
                }
                assertFalse(f.contains("''") || e.contains("''"), k + ": " + f + " / " + e);
            }
        }
    }
}
