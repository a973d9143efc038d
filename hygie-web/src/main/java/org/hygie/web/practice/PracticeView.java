package org.hygie.web.practice;

/**
 * What the dashboard and the report need from the practice layer (configuration, journal of the nightly duty,
 * media plan, drills), read-only. {@link PracticeAdapter} reads it from the practice's configuration and journal;
 * {@link #none()} says that no practice is configured, and the pages say so instead of inventing a state.
 */
public interface PracticeView {
    /** The practice's state now, read fresh from its configuration and journal, its sentences in {@code lang}. */
    PracticeState state(String lang);

    /** The practice's GDPR file now (register, breaches and their clocks, retention), its words in {@code lang}. */
    default GdprState gdpr(String lang) {
        return GdprState.notConfigured();
    }

    /** No practice configured on this computer. */
    static PracticeView none() {
        return lang -> PracticeState.notConfigured();
    }
}
