package org.hygie.cli;

import java.nio.file.Path;
import org.hygie.practice.config.ConfigException;
import org.hygie.practice.config.ConfigLoader;
import org.hygie.practice.config.ConfigProblem;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.text.Texts;
import picocli.CommandLine.Option;

/** {@code --config F} for the practice commands: loads and checks the configuration, tells its warnings. */
public final class PracticeOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FICHIER",
            description = "Configuration du cabinet / practice configuration. Défaut : HYGIE_CONFIG, sinon "
                    + "~/.config/hygie/hygie.yaml.")
    Path config;

    public Path file() {
        return config != null ? config : ConfigLoader.defaultFile();
    }

    /**
     * The configuration when there is one: the file named by {@code --config} (which must then exist), else the
     * default file if it exists; null when none is named and the default file does not exist (no practice set up
     * on this computer).
     */
    public PracticeConfig loadIfAny(Messages msg, Terminal t, boolean quiet) {
        if (config == null && !java.nio.file.Files.exists(file())) {
            return null;
        }
        return load(msg, t, quiet);
    }

    /** The configuration; its warnings go to standard error; a configuration with errors is a user error. */
    public PracticeConfig load(Messages msg, Terminal t, boolean quiet) {
        Texts texts = Texts.of(msg.locale());
        try {
            ConfigLoader.Loaded l = ConfigLoader.load(file());
            if (!quiet) {
                for (ConfigProblem p : l.warnings()) {
                    t.warn(msg.get("practice.config-warning", p.render(texts, l.config().file())));
                }
            }
            return l.config();
        } catch (ConfigException e) {
            throw new UserError(ExitCode.USAGE, "practice.config-invalid", String.join("\n  ", e.render(texts)));
        }
    }
}
