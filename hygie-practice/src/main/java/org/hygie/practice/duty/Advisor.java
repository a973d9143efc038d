package org.hygie.practice.duty;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hygie.practice.config.Medium;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.config.Span;
import org.hygie.practice.journal.Event;
import org.hygie.practice.journal.Journal;
import org.hygie.practice.journal.MediumState;
import org.hygie.practice.journal.Outcome;
import org.hygie.practice.journal.Run;
import org.hygie.practice.journal.Step;
import org.hygie.practice.journal.VerifyCycle;
import org.hygie.practice.media.Presence;
import org.hygie.practice.text.Texts;

/**
 * Reads the journal against the media plan and says what the doctor needs to know, most serious first: what
 * failed in the last duty, and what the plan asks for now — a disk not swapped for longer than its period, a
 * medium without a backup for too long, no recent copy outside the practice, a medium nearly full, a damaged
 * medium, a failing disk, a drill due; and a personal-data breach whose 72-hour clock runs or ran out
 * ({@link BreachNotices}). The duty and {@code status} both use it, so they always agree.
 */
public final class Advisor {
    /** Slack after a night before a backup counts as missed. */
    static final Duration GRACE = Duration.ofDays(2);
    /** A medium with less free space than this share is nearly full. */
    static final double NEARLY_FULL = 0.10;

    private final PracticeConfig config;
    private final Journal journal;
    private final Instant now;

    public Advisor(PracticeConfig config, Journal journal, Instant now) {
        this.config = config;
        this.journal = journal;
        this.now = now;
    }

    public List<Notice> advise() {
        // the breaches first: among urgent notices, the legal deadline comes before the backups
        List<Notice> out = new ArrayList<>(BreachNotices.of(config, now));
        Optional<Run> last = journal.lastRun(DutyRunner.KIND_DUTY);
        last.ifPresent(r -> fromRun(r, out));
        for (Medium m : config.media()) {
            medium(m, out);
        }
        outside(out);
        drill(out);
        audit(out);
        overdue(last, out);
        out.sort(Comparator.comparing((Notice n) -> n.level()).reversed().thenComparing(n -> !n.act()));
        return dedupe(out);
    }

    private static List<Notice> dedupe(List<Notice> in) {
        List<Notice> out = new ArrayList<>();
        for (Notice n : in) {
            if (out.stream().noneMatch(o -> o.code().equals(n.code()) && java.util.Objects.equals(o.medium(), n.medium())
                    && o.args().equals(n.args()))) {
                out.add(n);
            }
        }
        return out;
    }

    // ---- what the last duty reported

    private void fromRun(Run run, List<Notice> out) {
        boolean anyBackup = false;
        boolean aborted = false;
        boolean looked = false;
        boolean diskFound = false;
        Set<String> backedUp = new LinkedHashSet<>();
        for (Event e : journal.events(run.id())) {
            JsonNode d = e.data();
            switch (e.step()) {
                case Step.DUTY -> {
                    if (e.outcome() == Outcome.FAILED && d.path("reason").asText().equals("password-file")) {
                        out.add(Notice.of("password-file", Notice.Level.URGENT, true, null, d.path("file").asText())
                                .withDetail(d.path("detail").asText(null)));
                        aborted = true;
                    }
                    if (d.path("missed").asInt() > 0) {
                        out.add(Notice.of("caught-up", Notice.Level.INFO, false, null, d.path("missed").asInt()));
                    }
                }
                case Step.PRESENCE -> {
                    looked = true;
                    presence(e, out);
                    // a rotating disk plugged in counts, even refused or unreadable (those have their own notice)
                    diskFound |= d.path("rotates").asBoolean()
                            && !d.path("presence").asText().equals(Presence.AWAY.code());
                }
                case Step.BEFORE -> {
                    if (e.outcome() == Outcome.FAILED) {
                        out.add(Notice.of("before-failed", Notice.Level.WARNING, true, null, d.path("source").asText(),
                                d.path("command").asText()).withDetail(d.path("detail").asText(null)));
                    }
                }
                case Step.BACKUP -> {
                    if (e.outcome() == Outcome.OK || e.outcome() == Outcome.WARNING) {
                        anyBackup = true;
                        backedUp.add(e.medium());
                    }
                    if (e.outcome() == Outcome.WARNING) {
                        out.add(Notice.of("backup-partial", Notice.Level.WARNING, false, e.medium(),
                                e.medium(), d.path("source").asText(), d.path("warnings").asInt()));
                    } else if (e.outcome() == Outcome.FAILED && "source-missing".equals(d.path("reason").asText())) {
                        out.add(Notice.of("source-missing", Notice.Level.URGENT, true, null, d.path("source").asText()));
                    } else if (e.outcome() == Outcome.FAILED) {
                        out.add(Notice.of("backup-failed", Notice.Level.URGENT, true, e.medium(), e.medium())
                                .withDetail(d.path("detail").asText(null)));
                    }
                }
                case Step.MAIL -> {
                    if (e.outcome() == Outcome.FAILED) {
                        out.add(Notice.of("mail-failed", Notice.Level.WARNING, false, null)
                                .withDetail(d.path("detail").asText(null)));
                    }
                }
                default -> {
                }
            }
        }
        if (looked && !anyBackup && !aborted) {
            out.add(Notice.of("no-backup", Notice.Level.URGENT, true, null, rotatingNames()));
        } else if (looked && anyBackup && !diskFound && config.media().stream().anyMatch(Medium::rotates)) {
            // only the always-on media (the offsite store) were backed up: tonight's copy is not at hand
            out.add(Notice.of("no-disk", Notice.Level.WARNING, true, null, rotatingNames(),
                    String.join(", ", backedUp)));
        }
    }

    private void presence(Event e, List<Notice> out) {
        JsonNode d = e.data();
        String p = d.path("presence").asText();
        if (p.equals(Presence.FOREIGN.code())) {
            out.add(Notice.of("medium-foreign", Notice.Level.URGENT, true, e.medium(), e.medium(),
                    d.path("location").asText(), shortId(d.path("found").asText()), shortId(d.path("expected").asText())));
        } else if (p.equals(Presence.WRONG_PASSWORD.code())) {
            out.add(Notice.of("wrong-password", Notice.Level.URGENT, true, e.medium(), e.medium(),
                    d.path("location").asText()));
        } else if (p.equals(Presence.NOT_INITIALISED.code())) {
            out.add(Notice.of("not-initialised", Notice.Level.WARNING, true, e.medium(), e.medium(),
                    d.path("location").asText()));
        } else if (p.equals(Presence.AWAY.code()) && !d.path("rotates").asBoolean()) {
            out.add(Notice.of("always-on-away", Notice.Level.WARNING, true, e.medium(), e.medium(),
                    d.path("location").asText()));
        } else if (p.equals(Presence.CREDENTIALS.code())) {
            // the sentence naming the file and the fix, in the reader's language; never the file's content
            List<String> args = new ArrayList<>();
            d.path("args").forEach(a -> args.add(a.asText()));
            out.add(Notice.of("credentials", Notice.Level.URGENT, true, e.medium(), e.medium(),
                    Texts.Phrase.sentence(d.path("problem").asText(), args)).withDetail(d.path("detail").asText(null)));
        } else if (p.equals(Presence.UNREACHABLE.code())) {
            // why, in the helper's technical English, stays out of the sentence
            out.add(Notice.of("unreachable", Notice.Level.WARNING, false, e.medium(), e.medium())
                    .withDetail(d.path("detail").asText(null)));
        }
    }

    private static String shortId(String id) {
        return id == null || id.length() < 8 ? String.valueOf(id) : id.substring(0, 8);
    }

    private String rotatingNames() {
        return config.media().stream().filter(Medium::rotates).map(Medium::name).collect(Collectors.joining(", "));
    }

    // ---- what the media plan asks for now

    private void medium(Medium m, List<Notice> out) {
        MediumState st = journal.medium(m.name());
        Optional<Event> backup = journal.last(Step.BACKUP, m.name(), Outcome.OK, Outcome.WARNING);
        if (backup.isEmpty()) {
            out.add(Notice.of("never-backed-up", Notice.Level.WARNING, true, m.name(), m.name(),
                    m.local() ? 0 : 1));
        } else {
            Duration limit = staleAfter(m);
            long age = days(backup.get().at());
            if (Duration.between(backup.get().at(), now).compareTo(limit) > 0) {
                out.add(Notice.of("medium-stale", Notice.Level.WARNING, true, m.name(), m.name(), age,
                        date(backup.get().at()), m.local() ? 0 : 1));
            }
        }
        if (m.rotates() && st.present() && st.presentSince() != null
                && Duration.between(st.presentSince(), now).compareTo(m.rotation().approx().plusDays(1)) > 0) {
            String others = config.media().stream().filter(x -> x.rotates() && !x.name().equals(m.name()))
                    .map(Medium::name).collect(Collectors.joining(", "));
            out.add(Notice.of("not-swapped", Notice.Level.WARNING, true, m.name(), m.name(), days(st.presentSince()),
                    m.rotation().toString(), others.isEmpty() ? "?" : others));
        }
        journal.last(Step.SPACE, m.name()).ifPresent(e -> {
            long usable = e.data().path("usable").asLong(-1);
            long total = e.data().path("total").asLong(-1);
            if (usable >= 0 && total > 0 && (double) usable / total < NEARLY_FULL) {
                out.add(Notice.of("nearly-full", Notice.Level.WARNING, true, m.name(), m.name(),
                        Math.round(100.0 * usable / total), usable / (1024 * 1024)));
            }
        });
        journal.last(Step.SMART, m.name()).filter(e -> e.outcome() == Outcome.FAILED).ifPresent(e ->
                out.add(Notice.of("smart-failing", Notice.Level.URGENT, true, m.name(), m.name(),
                        e.data().path("device").asText())));
        journal.last(Step.VERIFY, m.name()).filter(e -> e.outcome() == Outcome.FAILED).ifPresent(e ->
                out.add(Notice.of("verify-damaged", Notice.Level.URGENT, true, m.name(), m.name(),
                        e.data().path("errors").asInt()).withDetail(e.data().path("detail").asText(null))));
        Optional<VerifyCycle> c = journal.cycle(m.name());
        if (c.isPresent() && !c.get().complete()
                && now.isAfter(config.verify().readAllWithin().after(c.get().started()))) {
            out.add(Notice.of("verify-late", Notice.Level.WARNING, m.rotates(), m.name(), m.name(),
                    config.verify().readAllWithin().toString()));
        }
    }

    /** How long a medium may go without a backup: each rotating disk comes back after the others' turns. */
    Duration staleAfter(Medium m) {
        if (m.rotates()) {
            return m.rotation().approx().multipliedBy(Math.max(1, config.rotatingCount())).plus(GRACE);
        }
        return GRACE;
    }

    /**
     * The freshest copy outside the practice: the last backup onto an offsite medium, or onto a rotating disk
     * that is away tonight (taken home, as the plan says).
     */
    public Optional<Instant> outsideCopy() {
        Instant best = null;
        for (Medium m : config.media()) {
            MediumState st = journal.medium(m.name());
            boolean outside = m.offsite() || m.rotates() && !st.present() && st.lastSeen() != null;
            if (!outside) {
                continue;
            }
            Optional<Event> b = journal.last(Step.BACKUP, m.name(), Outcome.OK, Outcome.WARNING);
            if (b.isPresent() && (best == null || b.get().at().isAfter(best))) {
                best = b.get().at();
            }
        }
        return Optional.ofNullable(best);
    }

    /** How old the outside copy may be: a rotation period (the disk at home was swapped then), plus slack. */
    public Duration outsideLimit() {
        Duration longest = config.media().stream().filter(Medium::rotates).map(m -> m.rotation().approx())
                .max(Comparator.naturalOrder()).orElse(Duration.ZERO);
        return longest.plus(GRACE);
    }

    private void outside(List<Notice> out) {
        boolean planned = config.media().stream().anyMatch(m -> m.offsite() || m.rotates());
        if (!planned) {
            return;
        }
        Optional<Instant> copy = outsideCopy();
        if (copy.isEmpty()) {
            out.add(Notice.of("no-outside-copy", Notice.Level.URGENT, true, null, rotatingNames()));
        } else if (Duration.between(copy.get(), now).compareTo(outsideLimit()) > 0) {
            out.add(Notice.of("outside-stale", Notice.Level.WARNING, true, null, days(copy.get()), date(copy.get())));
        }
    }

    private void drill(List<Notice> out) {
        Optional<Event> latest = journal.last(Step.DRILL, null, Outcome.OK, Outcome.FAILED);
        if (latest.isPresent() && latest.get().outcome() == Outcome.FAILED) {
            out.add(Notice.of("drill-failed", Notice.Level.URGENT, true, latest.get().medium(), latest.get().medium())
                    .withDetail(latest.get().data().path("detail").asText(null)));
            return;
        }
        Span every = config.verify().drillEvery();
        if (latest.isEmpty()) {
            out.add(Notice.of("drill-never", Notice.Level.INFO, false, null));
        } else if (now.isAfter(every.after(latest.get().at()))) {
            out.add(Notice.of("drill-due", Notice.Level.INFO, false, null, days(latest.get().at())));
        }
    }

    private void audit(List<Notice> out) {
        journal.last(Step.AUDIT, null, Outcome.OK, Outcome.WARNING).ifPresent(e -> {
            int fail = e.data().path("fail").asInt();
            if (fail > 0) {
                out.add(Notice.of("audit-failures", Notice.Level.WARNING, false, null, fail,
                        e.data().path("score").asText("?")));
            }
        });
    }

    private void overdue(Optional<Run> last, List<Notice> out) {
        Optional<Run> finished = last.filter(r -> r.finished() != null);
        if (last.isEmpty()) {
            out.add(Notice.of("never-run", Notice.Level.WARNING, false, null));
        } else if (finished.isPresent()
                && Duration.between(finished.get().started(), now).compareTo(Duration.ofHours(36)) > 0) {
            out.add(Notice.of("duty-overdue", Notice.Level.WARNING, true, null, days(finished.get().started()),
                    date(finished.get().started())));
        }
    }

    private long days(Instant since) {
        return Math.max(0, Duration.between(since, now).toDays());
    }

    static Date date(Instant i) {
        return Date.from(i);
    }
}
