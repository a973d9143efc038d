package org.hygie.practice.media;

/** What the duty found of a medium. The codes are stable (journal, {@code status --json}). */
public enum Presence {
    /** Found, with the expected repository id (or adopted on first sight): usable. */
    PRESENT,
    /** Its location is not there: a disk taken home, a key unplugged. */
    AWAY,
    /** Its location holds a different repository: refused, nothing written to it. */
    FOREIGN,
    /** Its location is there but holds no repository yet. */
    NOT_INITIALISED,
    /** The password does not open its repository. */
    WRONG_PASSWORD,
    /** A server that does not answer, or a repository that cannot be read. */
    UNREACHABLE,
    /**
     * Its credentials file cannot be used (readable by others, missing, malformed): refused before anything is
     * asked of the store; that medium only.
     */
    CREDENTIALS;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
