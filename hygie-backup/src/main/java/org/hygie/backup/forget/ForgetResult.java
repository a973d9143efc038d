package org.hygie.backup.forget;

import java.util.List;
import org.hygie.repository.id.Id;

/** The snapshot files {@link Forgetter#execute} deleted. */
public record ForgetResult(List<Id> removed) {
    public ForgetResult {
        removed = List.copyOf(removed);
    }
}
