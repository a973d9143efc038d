package org.hygie.repository.error;

/**
 * A failure of the repository layer, with the {@link Problem} that classifies it and the file it concerns.
 * The message is for logs and the helper; the command line shows a translated text chosen by {@link #problem()}.
 */
public class RepositoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Problem problem;
    private final String subject;

    public RepositoryException(Problem problem, String subject, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.subject = subject;
    }

    public RepositoryException(Problem problem, String subject, String message) {
        this(problem, subject, message, null);
    }

    public Problem problem() {
        return problem;
    }

    /** The repository location, file or id the problem is about. */
    public String subject() {
        return subject;
    }
}
