package org.hygie.practice.setup;

/** How the guided set-up talks with the person at the keyboard; the command line gives the terminal. */
public interface Conversation {
    void say(String text);

    /**
     * Asks {@code question}; returns the answer, stripped, or {@code dflt} when the answer is empty.
     * Throws {@link SetupAborted} at the end of the input.
     */
    String ask(String question, String dflt);

    /** Asks for a secret, not shown while typed; "" when the answer is empty. */
    String secret(String question);

    /** The set-up was left before its end: nothing more is written. */
    final class SetupAborted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SetupAborted() {
            super("the set-up was left before its end");
        }
    }
}
