package org.hygie.web.practice;

/** The outcome of one night on one medium, as the calendar colours it. */
public enum NightStatus {
    /** Backed up and verified: green. */
    VERIFIED,
    /** Backed up, not (yet) verified: green, lighter. */
    DONE,
    /** Done with warnings: orange. */
    WARNING,
    /** Failed: red. */
    FAILED,
    /** The medium was away (swapped out): grey. */
    AWAY,
    /** Nothing recorded: blank. */
    NONE;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
