package org.hygie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The texts of forget, prune and copy exist in French and English with the same placeholders, format with counts
 * of 0, 1 and many, and keep their apostrophes (in a choice with a placeholder {@code ''} is eaten, in a text
 * without placeholder it shows doubled: French uses ’).
 */
class LifecycleMessagesTest {
    private static Properties load(String lang) throws Exception {
        Properties p = new Properties();
        try (var in = new InputStreamReader(LifecycleMessagesTest.class.getResourceAsStream(
                "/org/hygie/cli/messages_" + lang + ".properties"), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    private static Set<String> keys(Properties p) {
        Set<String> keys = new TreeSet<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("forget.") || k.startsWith("prune.")
                || k.startsWith("copy.") || k.equals("prompt.from-password") || k.equals("error.append-only"))
                .forEach(keys::add);
        return keys;
    }

    @Test
    void both_languages_have_the_same_keys_placeholders_and_every_text_formats() throws Exception {
        Properties fr = load("fr");
        Properties en = load("en");
        assertEquals(keys(fr), keys(en));
        assertTrue(keys(fr).size() > 60, keys(fr).toString());
        for (String k : keys(fr)) {
            for (int n : new int[] {0, 1, 7}) {
                Object[] args = {n, "§1§", "§2§", "§3§", "§4§", "§5§"};
                String f = new MessageFormat(fr.getProperty(k), Locale.FRENCH).format(args);
                String e = new MessageFormat(en.getProperty(k), Locale.ENGLISH).format(args);
                for (int i = 1; i < args.length; i++) {
                    String m = (String) args[i];
                    assertEquals(e.contains(m), f.contains(m), k + " placeholder " + m);
                }
                assertFalse(f.contains("{") || e.contains("{"), k + ": " + f + " / " + e);
                if (fr.getProperty(k).contains("''")) {
                    assertTrue(f.contains("'"), k + " lost its apostrophe: " + f);
                }
                // Messages.get leaves texts without placeholders as they are: '' would show doubled
                if (!fr.getProperty(k).contains("{")) {
                    assertFalse(Messages.forLanguage("fr").get(k).contains("''"), k);
                    assertFalse(Messages.forLanguage("en").get(k).contains("''"), k);
                }
            }
        }
    }

    @Test
    void messages_render_in_both_languages() {
        Messages fr = Messages.forLanguage("fr");
        Messages en = Messages.forLanguage("en");
        assertEquals("Simulation : 5 sauvegardes seraient oubliées ; rien n’a été supprimé.",
                fr.get("forget.would-remove", 5));
        assertEquals("Dry run: 1 snapshot would be removed; nothing was deleted.", en.get("forget.would-remove", 1));
        assertEquals("dernière du jour, sur 10d", ForgetCommand.reason("daily within 10d", fr));
        assertEquals("has tags [a, b]", ForgetCommand.reason("has tags [a, b]", en));
        assertEquals("annuelle gardée pour la conservation légale (48y)",
                ForgetCommand.reason("legal yearly within 48y", fr));
        assertEquals("dernière de la semaine", ForgetCommand.reason("weekly snapshot", fr));
        assertEquals("among the last", ForgetCommand.reason("last snapshot", en));
    }
}
