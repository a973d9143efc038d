package org.hygie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The audit's CLI texts exist in both languages, with the same placeholders, and all format. */
class AuditMessagesTest {
    private static Properties load(String lang) throws Exception {
        Properties p = new Properties();
        try (var in = new InputStreamReader(AuditMessagesTest.class.getResourceAsStream(
                "/org/hygie/cli/messages_" + lang + ".properties"), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    private static Set<String> auditKeys(Properties p) {
        Set<String> keys = new TreeSet<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("audit.")).forEach(keys::add);
        return keys;
    }

    @Test
    void french_and_english_have_the_same_audit_keys_and_placeholders() throws Exception {
        Properties fr = load("fr");
        Properties en = load("en");
        assertEquals(auditKeys(fr), auditKeys(en));
        for (String k : auditKeys(fr)) {
            Object[] args = {"§0§", "§1§", "§2§", "§3§", "§4§", "§5§"};
            String f = new MessageFormat(fr.getProperty(k), Locale.FRENCH).format(args);
            String e = new MessageFormat(en.getProperty(k), Locale.ENGLISH).format(args);
            for (Object a : args) {
                String m = (String) a;
                assertEquals(e.contains(m), f.contains(m), k + " placeholder " + m);
            }
        }
    }
}
