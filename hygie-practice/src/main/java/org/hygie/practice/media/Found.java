package org.hygie.practice.media;

import org.hygie.practice.config.Medium;
import org.hygie.practice.text.Texts;
import org.hygie.repository.Repository;

/**
 * A medium as found by {@link MediaFinder}.
 *
 * @param medium       the configured medium
 * @param presence     what was found
 * @param location     where it was found (for {@link Presence#PRESENT}), else its configured location
 * @param repositoryId the id seen at the location (present or foreign), else null
 * @param expectedId   the id the medium should have, null when not known yet
 * @param repository   the opened repository when present (closed by {@link MediaFinder.Result#close()}), else null
 * @param adopted      true when its id was learnt tonight (first sight)
 * @param detail       technical detail when not present, in English, else null
 * @param problem      for {@link Presence#CREDENTIALS}, what is wrong with its credentials file and the fix (the
 *                     configuration's sentence, {@code config.credentials-*}, naming the file, never its content),
 *                     else null
 */
public record Found(Medium medium, Presence presence, String location, String repositoryId, String expectedId,
        Repository repository, boolean adopted, String detail, Texts.Phrase problem) {
    public Found(Medium medium, Presence presence, String location, String repositoryId, String expectedId,
            Repository repository, boolean adopted, String detail) {
        this(medium, presence, location, repositoryId, expectedId, repository, adopted, detail, null);
    }

    public boolean present() {
        return presence == Presence.PRESENT;
    }

    public String name() {
        return medium.name();
    }
}
