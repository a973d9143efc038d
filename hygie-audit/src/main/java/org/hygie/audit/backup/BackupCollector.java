package org.hygie.audit.backup;

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

/** Backup facts, the same on every OS, from a {@link BackupStatusSource}. */
public final class BackupCollector implements Collector {
    private static final List<String> IDS = List.of("backup.configured", "backup.has_success", "backup.last_age_h",
            "backup.has_offsite", "backup.offsite_age_days", "backup.has_verification", "backup.verified_age_days");
    private final BackupStatusSource source;

    public BackupCollector(BackupStatusSource source) {
        this.source = source;
    }

    @Override
    public String id() {
        return "backup";
    }

    @Override
    public Set<String> provides() {
        return Set.copyOf(IDS);
    }

    @Override
    public List<Fact> collect(CollectionContext context) {
        String where = source.describe();
        BackupStatus s;
        try {
            s = source.read();
        } catch (UncheckedIOException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
            Fact bad = Fact.unavailable("backup.configured", FactStatus.PARSE_ERROR, where, e.getMessage());
            return IDS.stream().map(bad::as).toList();
        }
        Instant now = context.clock().instant();
        List<Fact> facts = new ArrayList<>();
        facts.add(Fact.of("backup.configured", s.configured(), where));
        facts.add(Fact.of("backup.has_success", s.lastSuccess() != null, where));
        facts.add(age("backup.last_age_h", s.lastSuccess(), now, where, false));
        facts.add(Fact.of("backup.has_offsite", s.lastOffsite() != null, where));
        facts.add(age("backup.offsite_age_days", s.lastOffsite(), now, where, true));
        facts.add(Fact.of("backup.has_verification", s.lastVerified() != null, where));
        facts.add(age("backup.verified_age_days", s.lastVerified(), now, where, true));
        return facts;
    }

    private static Fact age(String id, Instant when, Instant now, String where, boolean days) {
        if (when == null) {
            return Fact.unavailable(id, FactStatus.NOT_APPLICABLE, where, "never happened");
        }
        Duration d = Duration.between(when, now);
        return Fact.of(id, days ? d.toDays() : d.toHours(), where);
    }
}
