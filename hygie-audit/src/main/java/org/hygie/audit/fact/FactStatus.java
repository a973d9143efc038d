package org.hygie.audit.fact;

import java.util.Locale;

/** How a fact was obtained, or why it could not be. Only {@link #COLLECTED} and {@link #DEFAULTED} carry a value. */
public enum FactStatus {
    /** Read from the system. */
    COLLECTED,
    /** The setting is absent, so the documented default of this OS version applies. */
    DEFAULTED,
    /** The fact does not apply here (no desktop session, no Wi-Fi adapter...). */
    NOT_APPLICABLE,
    /** The system refused to answer without more privileges (root, administrator, polkit, location). */
    ACCESS_DENIED,
    /** The command that gives this fact is not installed. */
    COMMAND_MISSING,
    /** The command did not answer in time. */
    TIMEOUT,
    /** The output was not understood. */
    PARSE_ERROR,
    /** This system cannot give the fact (e.g. systemd not running). */
    NOT_SUPPORTED,
    /** Any other failure. */
    ERROR;

    public boolean hasValue() {
        return this == COLLECTED || this == DEFAULTED;
    }

    /** The name used in JSON output and reason texts: lower case. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
