package org.hygie.web.html;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The dashboard's and the report's words, French first, English too ({@code texts_fr.properties},
 * {@code texts_en.properties}). Placeholders are {@code {0}}, {@code {1}}...: replaced as they are, so French
 * apostrophes need no doubling. Arguments are not escaped here: the caller escapes what it puts in HTML.
 */
public final class I18n {
    private final ResourceBundle bundle;
    private final String lang;

    private I18n(String lang) {
        this.lang = lang;
        this.bundle = ResourceBundle.getBundle("org.hygie.web.texts", Locale.forLanguageTag(lang),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static final I18n FR = new I18n("fr");
    private static final I18n EN = new I18n("en");

    /** {@code en} gives English, anything else French. */
    public static I18n of(String lang) {
        return "en".equals(lang) ? EN : FR;
    }

    public String lang() {
        return lang;
    }

    public String t(String key, Object... args) {
        String s;
        try {
            s = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        for (int i = 0; i < args.length; i++) {
            s = s.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return s;
    }

    /** Whether a key exists (optional texts). */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
