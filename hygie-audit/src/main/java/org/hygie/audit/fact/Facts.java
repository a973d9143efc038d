package org.hygie.audit.fact;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The facts of one audit, by id. The first fact recorded for an id wins. */
public final class Facts {
    private final Map<String, Fact> byId = new LinkedHashMap<>();

    public Facts() {
    }

    public Facts(Collection<Fact> facts) {
        facts.forEach(this::add);
    }

    public synchronized void add(Fact fact) {
        byId.putIfAbsent(fact.id(), fact);
    }

    /** Records {@code fact}, replacing any fact of the same id (normalisers refine collected facts). */
    public synchronized void put(Fact fact) {
        byId.put(fact.id(), fact);
    }

    public synchronized Optional<Fact> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The value when the fact is available, else empty. */
    public Optional<Object> value(String id) {
        return get(id).filter(Fact::available).map(Fact::value);
    }

    public synchronized List<Fact> all() {
        return List.copyOf(byId.values());
    }
}
