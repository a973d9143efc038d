package org.hygie.audit.gdpr;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;

/**
 * GDPR facts, the same on every OS, from a {@link GdprStatusSource}. Hours are whole hours, rounded down: a breach
 * with 71 h 59 min left has 71 h left, one 30 minutes past its deadline is 0 h late (and already late).
 */
public final class GdprCollector implements Collector {
    static final List<String> FILE_FACTS = List.of("gdpr.register_entries", "gdpr.register_reviewed",
            "gdpr.register_review_age_days", "gdpr.breaches_overdue", "gdpr.breach_hours_late", "gdpr.breaches_open",
            "gdpr.breach_hours_left");
    private final GdprStatusSource source;

    public GdprCollector(GdprStatusSource source) {
        this.source = source;
    }

    @Override
    public String id() {
        return "gdpr";
    }

    @Override
    public Set<String> provides() {
        Set<String> ids = new java.util.HashSet<>(FILE_FACTS);
        ids.add("gdpr.configured");
        ids.add("gdpr.retention_years");
        return Set.copyOf(ids);
    }

    @Override
    public List<Fact> collect(CollectionContext context) {
        String where = source.describe();
        GdprStatus s;
        try {
            s = source.read();
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            Fact bad = Fact.unavailable("gdpr.configured", FactStatus.ERROR, where, e.getMessage());
            return provides().stream().sorted().map(bad::as).toList();
        }
        List<Fact> facts = new ArrayList<>();
        facts.add(Fact.of("gdpr.configured", s.configured(), where));
        facts.add(s.legalRetention() == null
                ? Fact.unavailable("gdpr.retention_years", FactStatus.NOT_APPLICABLE, where, "no retention configured")
                : Fact.of("gdpr.retention_years", s.legalRetention(), where));
        if (s.fileProblem() != null) {
            Fact bad = Fact.unavailable("gdpr.register_entries", FactStatus.ERROR, where, s.fileProblem());
            FILE_FACTS.forEach(id -> facts.add(bad.as(id)));
            return facts;
        }
        Instant now = context.clock().instant();
        facts.add(Fact.of("gdpr.register_entries", s.registerEntries(), where));
        boolean reviewed = s.registerEntries() > 0 && s.registerReviewed() != null;
        facts.add(Fact.of("gdpr.register_reviewed", reviewed, where));
        facts.add(reviewed ? Fact.of("gdpr.register_review_age_days",
                Duration.between(s.registerReviewed(), now).toDays(), where)
                : Fact.unavailable("gdpr.register_review_age_days", FactStatus.NOT_APPLICABLE, where, "never reviewed"));
        List<Instant> late = s.decisionDeadlines().stream().filter(d -> d.isBefore(now)).toList();
        List<Instant> open = s.decisionDeadlines().stream().filter(d -> !d.isBefore(now)).toList();
        facts.add(Fact.of("gdpr.breaches_overdue", late.size(), where));
        facts.add(late.isEmpty()
                ? Fact.unavailable("gdpr.breach_hours_late", FactStatus.NOT_APPLICABLE, where, "no breach overdue")
                : Fact.of("gdpr.breach_hours_late", late.stream()
                        .mapToLong(d -> Duration.between(d, now).toHours()).max().orElseThrow(), where));
        facts.add(Fact.of("gdpr.breaches_open", open.size(), where));
        facts.add(open.isEmpty()
                ? Fact.unavailable("gdpr.breach_hours_left", FactStatus.NOT_APPLICABLE, where, "no breach open")
                : Fact.of("gdpr.breach_hours_left", open.stream()
                        .mapToLong(d -> Duration.between(now, d).toHours()).min().orElseThrow(), where));
        return facts;
    }
}
