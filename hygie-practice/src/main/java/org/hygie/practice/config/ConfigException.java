package org.hygie.practice.config;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.hygie.practice.text.Texts;

/** A configuration that cannot be used, with every problem found in it (not just the first). */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;
    private final transient Path file;

    public ConfigException(Path file, List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("; ")));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    public Path file() {
        return file;
    }

    /** Every problem, one sentence a line, in the language of {@code texts}. */
    public List<String> render(Texts texts) {
        return problems.stream().map(p -> p.render(texts, file)).toList();
    }
}
