package org.hygie.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-facing text, from the {@code messages} resource bundles: French first, English too.
 * The language comes from {@code --lang}, else {@code HYGIE_LANG}, else the {@code LANG} of the
 * environment when it is English, else French.
 */
public final class Messages {
    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("org.hygie.cli.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Messages forLanguage(String lang) {
        return new Messages(resolve(lang));
    }

    /** The locale chosen by an explicit language code, or by the environment when it is null. */
    public static Locale resolve(String lang) {
        String chosen = lang;
        if (chosen == null || chosen.isBlank()) {
            chosen = System.getenv("HYGIE_LANG");
        }
        if (chosen == null || chosen.isBlank()) {
            String env = System.getenv("LANG");
            chosen = env != null && env.startsWith("en") ? "en" : "fr";
        }
        return chosen.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.FRENCH;
    }

    public Locale locale() {
        return locale;
    }

    /** A byte count in this language's units and decimal sign ("2,9 Mio", "2.9 MiB"). */
    public String bytes(long n) {
        return Bytes.human(n, locale);
    }

    /** The text for {@code key}, with {@code args} put in by {@link MessageFormat}. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
