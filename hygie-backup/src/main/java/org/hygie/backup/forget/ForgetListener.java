package org.hygie.backup.forget;

import org.hygie.repository.id.Id;

/** What {@link Forgetter#execute} reports while it deletes; the faces render it. */
public interface ForgetListener {
    ForgetListener NONE = new ForgetListener() { };

    /** A snapshot file was deleted; {@code done} of {@code total}. */
    default void removed(Id snapshot, int done, int total) {
    }
}
