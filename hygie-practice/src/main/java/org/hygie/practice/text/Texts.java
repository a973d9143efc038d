package org.hygie.practice.text;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The practice layer's own texts (mails, warnings, actions, configuration problems, recovery kit), French first,
 * English too, from the {@code texts} bundles of this package. A missing key shows as itself, never as an error.
 */
public final class Texts {
    private final ResourceBundle bundle;
    private final Locale locale;

    private Texts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("org.hygie.practice.text.texts", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** French unless {@code language} starts with {@code en}. */
    public static Texts of(String language) {
        return new Texts(language != null && language.toLowerCase(Locale.ROOT).startsWith("en")
                ? Locale.ENGLISH : Locale.FRENCH);
    }

    public static Texts of(Locale locale) {
        return of(locale.getLanguage());
    }

    public Locale locale() {
        return locale;
    }

    public String language() {
        return locale.getLanguage();
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /**
     * The text {@code key} with {@code args} put in it; an argument that is a {@link Phrase} is itself rendered in
     * this language first.
     */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        Object[] values = args.clone();
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Phrase p) {
                values[i] = get(p);
            }
        }
        return new MessageFormat(pattern, locale).format(values);
    }

    /** {@code phrase} in this language, its first letter made a capital when it opens a sentence. */
    public String get(Phrase phrase) {
        String s = get(phrase.key(), phrase.args().toArray());
        return phrase.opening() && !s.isEmpty() ? s.substring(0, 1).toUpperCase(locale) + s.substring(1) : s;
    }

    /**
     * A text to be rendered later in the reader's language (a notice's argument built before the language is
     * known): a key of these texts and its arguments.
     *
     * @param opening it opens a sentence: its first letter is made a capital
     */
    public record Phrase(String key, List<?> args, boolean opening) {
        public Phrase {
            args = List.copyOf(args);
        }

        /** {@code key} with {@code args}, opening a sentence. */
        public static Phrase sentence(String key, List<?> args) {
            return new Phrase(key, args, true);
        }
    }
}
