package org.hygie.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command takes: the language of messages. */
public final class GlobalOptions {
    /** The languages Hygie speaks; any other code given to {@code --lang} is a usage error. */
    public enum Language { fr, en }

    @Option(names = "--lang", scope = ScopeType.INHERIT, paramLabel = "fr|en",
            description = "Langue des messages / language of messages (fr, en). Défaut : HYGIE_LANG, sinon fr.")
    Language lang;

    public Messages messages() {
        return Messages.forLanguage(lang == null ? null : lang.name());
    }
}
