package org.hygie.audit.collect;

import java.util.List;
import java.util.Set;
import org.hygie.audit.fact.Fact;

/**
 * Gathers one family of facts on one OS. A collector never judges (rules do) and never throws for what the
 * system says: a refusal, a missing command or an unreadable output becomes a fact with that status.
 */
public interface Collector {
    /** A short stable name, e.g. {@code linux.firewall}. */
    String id();

    /** The ids of the facts it gives; each appears in {@link #collect}'s answer, available or not. */
    Set<String> provides();

    List<Fact> collect(CollectionContext context);
}
