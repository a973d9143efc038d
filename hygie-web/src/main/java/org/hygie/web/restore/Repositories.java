package org.hygie.web.restore;

import java.util.List;
import org.hygie.repository.Repository;

/** The repositories the dashboard may open: one per medium, by name. */
public interface Repositories {
    /** The media names, in plan order. */
    List<String> names();

    /** Where the medium's repository is, for display (passwords removed). */
    String location(String name);

    /** Opens the medium's repository; the caller closes it. Throws a RepositoryException when it cannot. */
    Repository open(String name);
}
