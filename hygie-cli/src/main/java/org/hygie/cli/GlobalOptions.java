package org.hygie.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command takes: the language of messages. */
public final class GlobalOptions {
    @Option(names = "--lang", scope = ScopeType.INHERIT, paramLabel = "fr|en",
            description = "Langue des messages / language of messages (fr, en). Défaut : HYGIE_LANG, sinon fr.")
    String lang;

    public Messages messages() {
        return Messages.forLanguage(lang);
    }
}
