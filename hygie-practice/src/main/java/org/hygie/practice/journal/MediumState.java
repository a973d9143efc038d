package org.hygie.practice.journal;

import java.time.Instant;

/**
 * What the journal knows of a medium's whereabouts.
 *
 * @param name         the medium's name
 * @param repositoryId the repository id seen on it (adopted on first sight when the configuration has none)
 * @param location     where it was last found
 * @param present      whether it was present at the last look
 * @param presentSince since when it has been in place without interruption (null when away)
 * @param awaySince    since when it has been away (null when present, or never seen)
 * @param lastSeen     the last time it was found present
 */
public record MediumState(String name, String repositoryId, String location, boolean present, Instant presentSince,
        Instant awaySince, Instant lastSeen) {
    public static MediumState unknown(String name) {
        return new MediumState(name, null, null, false, null, null, null);
    }
}
