package org.hygie.practice.gdpr;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.config.Span;

/**
 * The practice's GDPR file as the faces show it, judged at {@code now}: the register and when it was reviewed, every
 * breach with its 72-hour clock, the legal retention of the backups, and what the practice should do, most urgent
 * first. The limits are those of the audit's GDPR points (catalogue {@code gdpr-register}, {@code gdpr-retention}).
 *
 * @param file             where the GDPR file is
 * @param register         the register of processing activities
 * @param registerReviewed when the whole register was last reviewed, null when never (or empty)
 * @param breaches         the breach log, newest discovery first, each with its clock
 * @param legalRetention   how long one backup a year is kept (the practice configuration's {@code yearly-within})
 * @param todo             what to do, most urgent first
 * @param now              the moment of the judgement
 */
public record GdprOverview(Path file, List<Processing> register, Instant registerReviewed, List<Entry> breaches,
                           Span legalRetention, List<GdprTodo> todo, Instant now) {
    /** The register is reviewed at least this often (the audit's {@code gdpr-register} {@code pass_max_days}). */
    public static final Duration REVIEW_EVERY = Duration.ofDays(365);
    /** The guide: medical records are kept "30 to 48 years" (the audit's {@code gdpr-retention} threshold). */
    public static final int GUIDE_MIN_YEARS = 30;
    /** Breaches shown in the yearly report: those discovered within this time, and any still undecided. */
    public static final Duration RECENT = Duration.ofDays(365);

    /** One breach and where it stands against its clock. */
    public record Entry(Breach breach, BreachClock clock) {
    }

    /** Overall: in order, something to do, or a breach past its 72 hours without a decision. */
    public enum Verdict {
        IN_ORDER, ATTENTION, LATE;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public GdprOverview {
        register = List.copyOf(register);
        breaches = List.copyOf(breaches);
        todo = List.copyOf(todo);
    }

    /** Reads the practice's GDPR file (a damaged one throws {@link GdprFileException}) and judges it now. */
    public static GdprOverview read(PracticeConfig config, Clock clock) {
        GdprStore store = new GdprStore(config.stateDir());
        return of(store.load(), store.file(), config.retention().yearlyWithin(), clock.instant());
    }

    public static GdprOverview of(GdprFile f, Path file, Span legalRetention, Instant now) {
        List<Entry> breaches = new ArrayList<>();
        f.breaches().forEach(b -> breaches.add(new Entry(b, BreachClock.of(b, now))));
        breaches.sort((a, b) -> b.breach().discoveredAt().compareTo(a.breach().discoveredAt()));
        Instant reviewed = f.registerReviewed().orElse(null);
        List<GdprTodo> todo = new ArrayList<>();
        for (Entry e : breaches) {
            if (e.clock().state() == BreachClock.State.LATE) {
                todo.add(GdprTodo.of("breach-late", true, e.breach().id(), e.clock().hoursLate(),
                        Date.from(e.breach().discoveredAt())));
            }
        }
        for (Entry e : breaches) {
            if (e.clock().state() == BreachClock.State.OPEN) {
                todo.add(GdprTodo.of("breach-open", false, e.breach().id(), e.clock().hoursLeft(),
                        Date.from(e.clock().deadline())));
            }
        }
        if (f.register().isEmpty()) {
            todo.add(GdprTodo.of("register-empty", false));
        } else if (reviewed == null) {
            todo.add(GdprTodo.of("register-never-reviewed", false,
                    f.register().stream().filter(p -> p.lastReviewed() == null).count()));
        } else if (Duration.between(reviewed, now).toDays() > REVIEW_EVERY.toDays()) {
            todo.add(GdprTodo.of("register-review-due", false, Duration.between(reviewed, now).toDays(),
                    Date.from(reviewed)));
        }
        int years = retentionYears(legalRetention);
        if (years < GUIDE_MIN_YEARS) {
            todo.add(GdprTodo.of("retention-short", false, years));
        }
        return new GdprOverview(file, f.register(), reviewed, breaches, legalRetention, todo, now);
    }

    /** Whole years of a span, rounded down (a year is 365 days), as the audit's {@code gdpr.retention_years}. */
    public static int retentionYears(Span s) {
        return (int) (s.approxDays() / 365);
    }

    public int legalRetentionYears() {
        return retentionYears(legalRetention);
    }

    /** Days since the whole register was reviewed, null when never. */
    public Long reviewAgeDays() {
        return registerReviewed == null ? null : Duration.between(registerReviewed, now).toDays();
    }

    /** When the register should be reviewed next, null when it never was. */
    public Instant nextReview() {
        return registerReviewed == null ? null : registerReviewed.plus(REVIEW_EVERY);
    }

    /** The breach with this id and its clock. */
    public java.util.Optional<Entry> breach(String id) {
        return breaches.stream().filter(e -> e.breach().id().equals(id)).findFirst();
    }

    /** The breaches discovered within {@link #RECENT}, and those still waiting for a decision. */
    public List<Entry> recentBreaches() {
        Instant since = now.minus(RECENT);
        return breaches.stream().filter(e -> e.clock().undecided() || !e.breach().discoveredAt().isBefore(since))
                .toList();
    }

    public List<Entry> undecided() {
        return breaches.stream().filter(e -> e.clock().undecided()).toList();
    }

    public Verdict verdict() {
        if (todo.stream().anyMatch(GdprTodo::urgent)) {
            return Verdict.LATE;
        }
        return todo.isEmpty() ? Verdict.IN_ORDER : Verdict.ATTENTION;
    }
}
