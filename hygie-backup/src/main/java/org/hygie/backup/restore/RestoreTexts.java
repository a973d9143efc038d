package org.hygie.backup.restore;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** Why an entry was not restored, in French (default) or English, from the {@code restore} bundles. */
public final class RestoreTexts {
    private RestoreTexts() {
    }

    /** One sentence saying why {@code p} was not restored, with its detail where the sentence has a place for it. */
    public static String reason(RestoreResult.Problem p, Locale locale) {
        Locale chosen = locale != null && locale.getLanguage().equals("en") ? Locale.ENGLISH : Locale.FRENCH;
        ResourceBundle bundle = ResourceBundle.getBundle("org.hygie.backup.restore.restore", chosen,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString("reason." + p.reason().key()), chosen)
                .format(new Object[] {p.detail() == null ? "" : p.detail()});
    }
}
