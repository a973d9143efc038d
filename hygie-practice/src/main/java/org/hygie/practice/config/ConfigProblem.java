package org.hygie.practice.config;

import java.nio.file.Path;
import org.hygie.practice.text.Texts;

/**
 * One thing wrong in a configuration file: where (line), what ({@code code}, a key of the {@code config.}
 * texts), and the values to put in its sentence. Errors stop the load; warnings are told and the load goes on.
 */
public record ConfigProblem(boolean error, int line, String code, Object... args) {

    /** The sentence for the user: file and line, what is wrong and how to fix it. */
    public String render(Texts texts, Path file) {
        String what = texts.get("config." + code, args);
        String where = file == null ? "" : file.getFileName().toString();
        if (line > 0) {
            return where.isEmpty() ? texts.get("config.at-line-only", line, what)
                    : texts.get("config.at-line", where, line, what);
        }
        return where.isEmpty() ? what : texts.get("config.in-file", where, what);
    }

    @Override
    public String toString() {
        return (error ? "error" : "warning") + " line " + line + ": " + code + " " + java.util.Arrays.toString(args);
    }
}
