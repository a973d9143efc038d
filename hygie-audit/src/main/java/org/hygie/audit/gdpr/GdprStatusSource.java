package org.hygie.audit.gdpr;

/** Where the audit learns the state of the practice's GDPR file. Implemented by the practice layer. */
public interface GdprStatusSource {
    /** The current state; a source that cannot be read at all throws {@link java.io.UncheckedIOException}. */
    GdprStatus read();

    /** A short description of the source for the evidence (a file path, "none"). */
    String describe();

    /** The source used when no Hygie practice is configured on this computer. */
    static GdprStatusSource none() {
        return new GdprStatusSource() {
            @Override
            public GdprStatus read() {
                return GdprStatus.notConfigured();
            }

            @Override
            public String describe() {
                return "no Hygie practice configuration";
            }
        };
    }
}
