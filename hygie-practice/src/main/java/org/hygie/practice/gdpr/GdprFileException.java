package org.hygie.practice.gdpr;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.hygie.practice.text.Texts;

/**
 * A GDPR file that cannot be used, with every problem found in it. The file is left as it is: nothing is written
 * over a file that could not be read, so that the helper can mend it by hand.
 */
public final class GdprFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final transient List<GdprProblem> problems;

    public GdprFileException(Path file, List<GdprProblem> problems) {
        super(file + ": " + problems.stream().map(GdprProblem::toString).collect(Collectors.joining("; ")));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public Path file() {
        return file;
    }

    public List<GdprProblem> problems() {
        return problems;
    }

    /** A heading naming the file, then every problem, one sentence each, in the language of {@code texts}. */
    public List<String> render(Texts texts) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(texts.get("gdpr.problem.file", file));
        problems.forEach(p -> lines.add(p.render(texts)));
        return lines;
    }
}
