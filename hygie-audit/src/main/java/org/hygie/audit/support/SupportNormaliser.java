package org.hygie.audit.support;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;
import org.hygie.audit.fact.Facts;

/**
 * From {@code os.product} and {@code os.cycle} (given by each OS's identity collector), adds
 * {@code os.support_level} ({@code supported}, {@code maintained} when no end date is known, {@code extended},
 * {@code ended}), {@code os.eol_date} and {@code os.support_days_left}.
 */
public final class SupportNormaliser {
    public static final String LEVEL = "os.support_level";
    public static final String EOL_DATE = "os.eol_date";
    public static final String DAYS_LEFT = "os.support_days_left";
    private final EolTable table;

    public SupportNormaliser(EolTable table) {
        this.table = table;
    }

    public void apply(Facts facts, Clock clock) {
        Optional<Fact> product = facts.get("os.product");
        Optional<Fact> cycle = facts.get("os.cycle");
        String source = "end-of-support table of " + table.dataDate();
        if (product.isEmpty() || cycle.isEmpty() || !product.get().available() || !cycle.get().available()) {
            Fact cause = cycle.filter(f -> !f.available()).or(() -> product.filter(f -> !f.available()))
                    .orElse(Fact.unavailable(LEVEL, FactStatus.NOT_SUPPORTED, source, "OS release not identified"));
            facts.put(cause.as(LEVEL));
            facts.put(cause.as(EOL_DATE));
            facts.put(cause.as(DAYS_LEFT));
            return;
        }
        String p = (String) product.get().value();
        String c = (String) cycle.get().value();
        Optional<EolRelease> release = table.find(p, c);
        if (release.isEmpty()) {
            Fact missing = Fact.unavailable(LEVEL, FactStatus.NOT_SUPPORTED, source,
                    "release " + p + " " + c + " is not in the end-of-support table");
            facts.put(missing);
            facts.put(missing.as(EOL_DATE));
            facts.put(missing.as(DAYS_LEFT));
            return;
        }
        EolRelease r = release.get();
        LocalDate today = LocalDate.now(clock);
        String level;
        LocalDate shown = r.eol();
        if (r.eol() == null) {
            level = "maintained";
        } else if (today.isBefore(r.eol())) {
            level = "supported";
        } else if (r.extended() != null && today.isBefore(r.extended())) {
            level = "extended";
        } else {
            level = "ended";
            shown = r.extended() != null ? r.extended() : r.eol();
        }
        facts.put(Fact.of(LEVEL, level, source));
        if (shown != null) {
            facts.put(Fact.of(EOL_DATE, shown.toString(), source));
            facts.put(Fact.of(DAYS_LEFT, ChronoUnit.DAYS.between(today, shown), source));
        } else {
            facts.put(Fact.of(EOL_DATE, "-", source));
        }
    }
}
