package org.hygie.web.practice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.hygie.audit.backup.BackupStatusSource;
import org.hygie.audit.gdpr.GdprStatusSource;
import org.hygie.practice.config.Medium;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.config.Retention;
import org.hygie.practice.duty.DutyBusyException;
import org.hygie.practice.duty.DutyListener;
import org.hygie.practice.duty.DutyReport;
import org.hygie.practice.duty.DutyRunner;
import org.hygie.practice.duty.DutyServices;
import org.hygie.practice.duty.JournalBackupStatus;
import org.hygie.practice.gdpr.GdprFileException;
import org.hygie.practice.gdpr.GdprOverview;
import org.hygie.practice.gdpr.PracticeGdprStatus;
import org.hygie.practice.journal.Event;
import org.hygie.practice.journal.Journal;
import org.hygie.practice.journal.Outcome;
import org.hygie.practice.journal.Step;
import org.hygie.practice.media.Found;
import org.hygie.practice.media.MediaAccess;
import org.hygie.practice.media.MediumOpener;
import org.hygie.practice.status.History;
import org.hygie.practice.status.MediumStatus;
import org.hygie.practice.status.Status;
import org.hygie.practice.status.StatusReport;
import org.hygie.practice.text.Texts;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.Locations;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;
import org.hygie.web.html.Fmt;
import org.hygie.web.html.I18n;
import org.hygie.web.restore.Repositories;

/**
 * The practice behind the dashboard and the report: {@link PracticeView} read from the practice's configuration
 * and journal ({@code Status}, {@code History}, {@code JournalBackupStatus}), {@link PracticeActions} run by the
 * practice's {@code DutyRunner}, and the media the Restore page opens, found by repository id as the duty finds
 * them. Every figure and every judgement (nights, notices, freshness) comes from {@code hygie-practice}; this class
 * only puts them into the page's words.
 */
public final class PracticeAdapter implements PracticeView, PracticeActions {
    /** Nights read for the calendar and the report. */
    static final int NIGHTS = 90;
    /** Verifications and drills read for their proofs. */
    static final int PROOFS = 20;

    private final PracticeConfig config;
    private final Clock clock;
    private final ZoneId zone;
    private final Supplier<DutyServices> services;
    private final MediumOpener backends;

    /**
     * @param config   the practice's configuration
     * @param clock    the clock the state is read with ("now" for the notices and the calendar)
     * @param zone     the zone of the nights' dates (the dashboard's)
     * @param services what a duty or a drill started from the Actions page uses
     */
    public PracticeAdapter(PracticeConfig config, Clock clock, ZoneId zone, Supplier<DutyServices> services) {
        this.config = config;
        this.clock = clock;
        this.zone = zone;
        this.services = services;
        this.backends = MediumOpener.LIVE;
    }

    /** The real world: the system clock and zone, the duty's live services (smartctl, the audit, the mail). */
    public static PracticeAdapter live(PracticeConfig config) {
        return new PracticeAdapter(config, Clock.systemDefaultZone(), ZoneId.systemDefault(),
                () -> DutyServices.live(config));
    }

    public PracticeConfig config() {
        return config;
    }

    /** The audit's backup points read from the journal, afresh at each audit. */
    public BackupStatusSource backupStatus() {
        return JournalBackupStatus.reading(config, clock);
    }

    /** The audit's GDPR points read from the practice's GDPR file, afresh at each audit. */
    public GdprStatusSource gdprStatus() {
        return new PracticeGdprStatus(config, clock);
    }

    // ---------------------------------------------------------------- the view

    @Override
    public GdprState gdpr(String lang) {
        Texts texts = Texts.of(lang);
        GdprOverview o;
        try {
            o = GdprOverview.read(config, clock);
        } catch (GdprFileException e) {
            return new GdprState(true, e.render(texts), null, List.of());
        }
        return new GdprState(true, List.of(), o, o.todo().stream().map(x -> new Notice(x.urgent(), x.text(texts),
                x.action(texts))).toList());
    }

    @Override
    public PracticeState state(String lang) {
        I18n t = I18n.of(lang);
        Fmt f = new Fmt(t, zone);
        Texts texts = Texts.of(lang);
        try (Journal j = Journal.open(config.stateDir(), clock)) {
            StatusReport st = Status.of(config, j);
            Instant now = st.now();
            Set<String> swapDue = st.notices().stream().filter(n -> n.code().equals("not-swapped"))
                    .map(org.hygie.practice.duty.Notice::medium).collect(Collectors.toSet());
            List<MediumInfo> media = new ArrayList<>();
            for (MediumStatus m : st.media()) {
                Medium c = config.medium(m.name()).orElseThrow();
                boolean present = "present".equals(m.presence());
                media.add(new MediumInfo(m.name(), Locations.redact(m.location()),
                        c.rotates() ? c.rotation().approx() : null, m.offsite(), m.keptAt(), present,
                        present ? m.presentSince() : m.awaySince(), m.lastBackup(), m.lastVerify(),
                        swapDue.contains(m.name())));
            }
            LocalDate today = now.atZone(zone).toLocalDate();
            Map<String, List<Night>> nights = new LinkedHashMap<>();
            History.nights(config, j, today.minusDays(NIGHTS - 1L), today, zone).forEach((medium, list) ->
                    nights.put(medium, list.stream().map(n -> new Night(n.date(), NightStatus.valueOf(n.state().name()),
                            nightDetail(t, n))).toList()));
            List<Proof> verifications = History.verifications(j, PROOFS).stream().map(v -> verification(t, f, v))
                    .toList();
            List<Proof> drills = History.drills(j, PROOFS).stream().map(d -> drill(t, f, d)).toList();
            Map<String, List<SizePoint>> sizes = new LinkedHashMap<>();
            History.sizes(config, j, now.minus(Duration.ofDays(NIGHTS))).forEach((medium, list) ->
                    sizes.put(medium, list.stream().map(s -> new SizePoint(s.at(), s.bytes())).toList()));
            Retention r = config.retention();
            History.Retention last = History.lastRetention(j).orElse(null);
            RetentionPlan plan = new RetentionPlan(r.daily(), r.weekly(), r.monthly(), r.yearlyWithin().years(),
                    last == null ? null : last.at(), last != null && last.applied(), last == null ? 0 : last.removed());
            // the backups' notices: a breach's clock is the GDPR light's, on its own page
            List<Notice> notices = st.notices().stream()
                    .filter(n -> n.level() != org.hygie.practice.duty.Notice.Level.INFO
                            && n.topic() == org.hygie.practice.duty.Notice.Topic.BACKUP)
                    .map(n -> new Notice(n.level() == org.hygie.practice.duty.Notice.Level.URGENT, n.text(texts),
                            n.action(texts))).toList();
            return new PracticeState(true, config.practice(), media, nights, verifications, drills, sizes, plan,
                    notices, new JournalBackupStatus(config, j).read(), st.outsideCopy(), st.outsideFresh(), now);
        }
    }

    private static String nightDetail(I18n t, History.Night n) {
        String key = "night.reason." + n.reason();
        if (!t.has(key)) {
            return n.detail();
        }
        String s = t.t(key, n.detail() == null ? "" : n.detail());
        if (n.runs() > 1) {
            s = (s.isEmpty() ? "" : s + " – ") + t.t("night.runs", n.runs());
        }
        return s.isEmpty() ? null : s;
    }

    private static Proof verification(I18n t, Fmt f, History.Verification v) {
        String share = v.share() == null ? "?" : v.share();
        String summary = v.ok() ? t.t("proof.verify.ok", share, v.packsRead(), f.bytes(v.bytesRead()))
                : t.t("proof.verify.failed", share, v.errors());
        if (v.cycleComplete() && v.cycleStarted() != null) {
            summary += t.t("proof.verify.complete", f.date(v.cycleStarted()));
        }
        if (v.late()) {
            summary += t.t("proof.verify.late");
        }
        List<String> details = new ArrayList<>();
        details.add(t.t("proof.verify.detail", share, v.packsRead(), f.bytes(v.bytesRead()), v.errors()));
        details.addAll(v.findings());
        return new Proof(v.medium(), v.at(), v.ok(), summary, details);
    }

    private static Proof drill(I18n t, Fmt f, History.Drill d) {
        String kind = t.t(d.whole() ? "proof.drill.whole" : "proof.drill.sample");
        String summary = d.ok() ? t.t("proof.drill.ok", d.filesOk(), d.filesChecked(), kind)
                : t.t("proof.drill.failed", d.filesOk(), d.filesChecked(), d.detail() == null ? "" : d.detail());
        List<String> details = new ArrayList<>();
        for (History.DrilledSnapshot s : d.snapshots()) {
            String id = s.snapshot().length() > 8 ? s.snapshot().substring(0, 8) : s.snapshot();
            details.add(t.t("proof.drill.snapshot", id, snapshotTime(f, s.time()), String.join(", ", s.paths())));
            for (History.DrilledFile file : s.files()) {
                details.add(file.ok() ? t.t("proof.drill.file.ok", file.path(), f.bytes(file.size()), file.chunks())
                        : t.t("proof.drill.file.bad", file.path(), f.bytes(file.size()),
                        file.detail() == null ? "" : file.detail()));
            }
            details.addAll(s.problems());
        }
        return new Proof(d.medium(), d.at(), d.ok(), summary, details);
    }

    private static String snapshotTime(Fmt f, String time) {
        if (time == null) {
            return "?";
        }
        try {
            return f.dateTime(OffsetDateTime.parse(time).toInstant());
        } catch (DateTimeParseException e) {
            return time;
        }
    }

    // ---------------------------------------------------------------- the actions

    @Override
    public boolean runDuty(String lang, Progress progress) {
        return run(lang, progress, true);
    }

    @Override
    public boolean runDrill(String lang, Progress progress) {
        return run(lang, progress, false);
    }

    private boolean run(String lang, Progress progress, boolean duty) {
        I18n t = I18n.of(lang);
        Fmt f = new Fmt(t, zone);
        Texts texts = Texts.of(lang);
        DutyListener listener = new DutyListener() {
            @Override
            public void starting(String step, String medium) {
                progress.progress(fraction(step, duty), t.t("step." + step, medium == null ? "" : medium));
            }

            @Override
            public void recorded(Event e) {
                String line = EventLines.line(e, t, f);
                if (line != null) {
                    progress.line(line);
                }
            }
        };
        progress.progress(0.01, t.t("step.start"));
        DutyReport report;
        try {
            DutyRunner runner = new DutyRunner(config, services.get(), listener);
            report = duty ? runner.duty() : runner.drill(false);
        } catch (DutyBusyException e) {
            progress.line(t.t("actions.busy", e.holder()));
            return false;
        }
        for (org.hygie.practice.duty.Notice n : report.notices()) {
            if (n.level() != org.hygie.practice.duty.Notice.Level.INFO) {
                String a = n.action(texts);
                progress.line(t.t("actions.notice", n.text(texts), a == null ? "" : a));
            }
        }
        String outcome = t.t("actions.outcome." + report.outcome().code());
        progress.line(outcome);
        progress.progress(1, outcome);
        return report.outcome() != Outcome.FAILED;
    }

    /** Where a run is, roughly, when {@code step} starts (the steps come in this order). */
    static double fraction(String step, boolean duty) {
        if (!duty) {
            return switch (step) {
                case Step.PRESENCE -> 0.05;
                case Step.DRILL -> 0.3;
                default -> 0.5;
            };
        }
        return switch (step) {
            case Step.PRESENCE -> 0.03;
            case Step.BEFORE -> 0.08;
            case Step.BACKUP -> 0.15;
            case Step.RETENTION -> 0.5;
            case Step.VERIFY -> 0.55;
            case Step.SMART -> 0.75;
            case Step.DRILL -> 0.8;
            case Step.AUDIT -> 0.92;
            default -> 0.5;
        };
    }

    // ---------------------------------------------------------------- the media to restore from

    /**
     * The practice's media for the Restore page, in plan order; each is opened where it is plugged in right now,
     * recognised by its repository id (a disk mounted at the other disk's place is still the right one), with the
     * practice's password file.
     */
    public Repositories repositories() {
        return new Repositories() {
            @Override
            public List<String> names() {
                return config.media().stream().map(Medium::name).toList();
            }

            @Override
            public String location(String name) {
                return Locations.redact(config.medium(name).orElseThrow(() -> new IllegalArgumentException(name))
                        .repo());
            }

            @Override
            public Repository open(String name) {
                Found found;
                try (Journal j = Journal.open(config.stateDir(), clock)) {
                    found = MediaAccess.find(config, j, backends, name);
                } catch (java.io.UncheckedIOException e) {
                    throw new RepositoryException(Problem.IO, location(name), e.getMessage(), e);
                }
                if (found != null && found.problem() != null) {
                    // its credentials file: the sentence naming the file and the fix, in the practice's language
                    Texts texts = Texts.of(config.language());
                    throw new RepositoryException(Problem.NO_REPOSITORY, location(name), name
                            + (texts.language().equals("fr") ? " : " : ": ") + texts.get(found.problem()));
                }
                if (found == null || !found.present()) {
                    String why = found == null ? "unknown" : found.presence().code()
                            + (found.detail() == null ? "" : ": " + found.detail());
                    throw new RepositoryException(Problem.NO_REPOSITORY, location(name), name + " is not available ("
                            + why + ")");
                }
                return found.repository();
            }
        };
    }
}
