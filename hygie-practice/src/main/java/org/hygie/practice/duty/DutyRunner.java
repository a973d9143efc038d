package org.hygie.practice.duty;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hygie.backup.archiver.Archiver;
import org.hygie.backup.archiver.BackupListener;
import org.hygie.backup.archiver.BackupOptions;
import org.hygie.backup.archiver.BackupSummary;
import org.hygie.backup.archiver.SourceException;
import org.hygie.backup.check.CheckListener;
import org.hygie.backup.check.CheckReport;
import org.hygie.backup.check.Checker;
import org.hygie.backup.check.Finding;
import org.hygie.backup.check.ReadData;
import org.hygie.practice.config.Medium;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.config.Source;
import org.hygie.practice.drill.Drill;
import org.hygie.practice.gdpr.PracticeGdprStatus;
import org.hygie.practice.journal.Event;
import org.hygie.practice.journal.Journal;
import org.hygie.practice.journal.MediumState;
import org.hygie.practice.journal.Outcome;
import org.hygie.practice.journal.Run;
import org.hygie.practice.journal.Step;
import org.hygie.practice.media.Found;
import org.hygie.practice.media.MediaFinder;
import org.hygie.practice.media.Presence;
import org.hygie.practice.notify.Mail;
import org.hygie.practice.notify.NotifyException;
import org.hygie.practice.text.Texts;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.FileInfo;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.backend.Locations;
import org.hygie.repository.lock.Locks;
import org.hygie.repository.lock.RepositoryLock;
import org.hygie.repository.write.OrphanPacks;
import org.hygie.repository.write.RepositoryWriter;

/**
 * The practice's runs (DESIGN.md §5): the nightly duty, a backup before a software update, a restore drill.
 * Each takes the duty lock (one at a time), records every step in the journal, and goes on past a failing
 * medium or source: a disk that is full, refused or unreadable never stops the others from being backed up.
 */
public final class DutyRunner {
    public static final String KIND_DUTY = "duty";
    public static final String KIND_DRILL = "drill";
    public static final String KIND_BEFORE_UPDATE = "before-update";
    public static final String KIND_SETUP = "setup";
    /** Tag of the nightly snapshots. */
    public static final String TAG_NIGHT = "hygie";
    /** Tag of the snapshots taken before a software update. */
    public static final String TAG_BEFORE_UPDATE = "avant-mise-a-jour";
    /** A before-command that runs longer than this is stopped. */
    static final Duration BEFORE_LIMIT = Duration.ofHours(2);
    /** A whole snapshot is restored in a drill when none was for this many drill periods. */
    static final int WHOLE_DRILL_EVERY = 6;

    private final PracticeConfig config;
    private final DutyServices s;
    /** Why a local copy of a remote repository's index could not be kept tonight (said once per medium). */
    private final List<String> cacheProblems = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final DutyListener listener;
    private final Texts texts;
    private Journal journal;
    private long run;

    public DutyRunner(PracticeConfig config, DutyServices services, DutyListener listener) {
        this.config = config;
        this.s = services;
        this.listener = listener;
        this.texts = Texts.of(config.language());
    }

    // ---------------------------------------------------------------- the nightly duty

    /** {@code hygie run}: back up, retention, verify, health, drill when due, audit, journal, mail. */
    public DutyReport duty() {
        try (DutyLock lock = DutyLock.acquire(config.stateDir()); Journal j = Journal.open(config.stateDir(), s.clock())) {
            journal = j;
            int missed = missedNights(j.lastRun(KIND_DUTY), s.clock().instant());
            run = j.startRun(KIND_DUTY, s.host());
            ObjectNode start = j.object().put("missed", missed).put("config", String.valueOf(config.file()));
            record(Step.DUTY, null, Outcome.OK, missed > 0 ? "duty started, " + missed + " missed night(s) caught up"
                    : "duty started", start);
            byte[] password = password();
            if (password != null) {
                try (MediaFinder.Result media = find(password)) {
                    List<Source> sources = runBefore();
                    for (Found f : media.present()) {
                        backup(f, sources, List.of(TAG_NIGHT));
                    }
                    for (Found f : media.present()) {
                        retention(f);
                    }
                    for (Found f : media.present()) {
                        size(f);
                    }
                    for (Found f : media.present()) {
                        verify(f);
                    }
                    for (Found f : media.present()) {
                        health(f);
                    }
                    for (Found f : media.present()) {
                        if (drillDue(f.name())) {
                            drill(f, wholeDrillDue(f.name()));
                        }
                    }
                    for (String why : cacheProblems) {
                        record(Step.DUTY, null, Outcome.OK, "local copy of the index not used: " + why,
                                journal.object().put("cache", why));
                    }
                }
            }
            audit();
            List<Notice> notices = new Advisor(config, j, s.clock().instant()).advise();
            for (Notice n : notices) {
                record(Step.NOTICE, n.medium(), n.level() == Notice.Level.INFO ? Outcome.OK
                        : n.level() == Notice.Level.WARNING ? Outcome.WARNING : Outcome.FAILED,
                        n.code(), noticeData(n));
            }
            boolean mailed = mail(notices);
            return finish(notices, mailed, true);
        }
    }

    /** Nights the schedule asked for between the last duty and now, not counting tonight's. */
    int missedNights(Optional<Run> last, Instant now) {
        if (last.isEmpty()) {
            return 0;
        }
        ZoneId zone = s.clock().getZone();
        ZonedDateTime from = last.get().started().atZone(zone);
        ZonedDateTime to = now.atZone(zone);
        int count = 0;
        for (LocalDate d = from.toLocalDate(); !d.isAfter(to.toLocalDate()) && count < 10_000; d = d.plusDays(1)) {
            ZonedDateTime t = d.atTime(config.schedule()).atZone(zone);
            if (t.isAfter(from) && !t.isAfter(to)) {
                count++;
            }
        }
        return Math.max(0, count - 1);
    }

    // ---------------------------------------------------------------- before an update

    /** {@code hygie backup --before-update}: a tagged snapshot of every source on every present medium. */
    public DutyReport beforeUpdate() {
        try (DutyLock lock = DutyLock.acquire(config.stateDir()); Journal j = Journal.open(config.stateDir(), s.clock())) {
            journal = j;
            run = j.startRun(KIND_BEFORE_UPDATE, s.host());
            record(Step.DUTY, null, Outcome.OK, "backup before a software update", null);
            byte[] password = password();
            if (password != null) {
                try (MediaFinder.Result media = find(password)) {
                    List<Source> sources = runBefore();
                    for (Found f : media.present()) {
                        backup(f, sources, List.of(TAG_BEFORE_UPDATE));
                    }
                }
            }
            return finish(List.of(), false, false);
        }
    }

    // ---------------------------------------------------------------- drill

    /** {@code hygie drill}: a restore drill on every present medium, with its proof in the journal. */
    public DutyReport drill(boolean whole) {
        try (DutyLock lock = DutyLock.acquire(config.stateDir()); Journal j = Journal.open(config.stateDir(), s.clock())) {
            journal = j;
            run = j.startRun(KIND_DRILL, s.host());
            record(Step.DUTY, null, Outcome.OK, "restore drill", null);
            byte[] password = password();
            if (password != null) {
                try (MediaFinder.Result media = find(password)) {
                    for (Found f : media.present()) {
                        drill(f, whole);
                    }
                    if (media.present().isEmpty()) {
                        record(Step.DRILL, null, Outcome.SKIPPED, "no medium present: nothing to drill", null);
                    }
                }
            }
            return finish(List.of(), false, false);
        }
    }

    // ---------------------------------------------------------------- steps

    /**
     * Ends the run; its outcome is the worst of its steps and notices. Where the media were is part of the nightly
     * duty's outcome ({@code whereabouts}): an always-on medium that could not be reached, such as an offsite store
     * behind a broken Internet link, leaves tonight without its copy, which is not "all good" even before the
     * medium counts as late. A drill or a backup before an update is judged on the media it found. A notice about
     * the GDPR file (a breach's clock) makes the duty's outcome a warning, never a failure.
     */
    private DutyReport finish(List<Notice> notices, boolean mailed, boolean whereabouts) {
        List<Event> events = journal.events(run);
        Outcome outcome = Outcome.OK;
        for (Event e : events) {
            if (!e.step().equals(Step.NOTICE) && (whereabouts || !e.step().equals(Step.PRESENCE))) {
                outcome = outcome.worst(e.outcome());
            }
        }
        // a breach waiting for a decision is urgent for the doctor, but the backups did not fail for it
        if (notices.stream().anyMatch(n -> n.level() == Notice.Level.URGENT && n.topic() == Notice.Topic.BACKUP)) {
            outcome = outcome.worst(Outcome.FAILED);
        } else if (notices.stream().anyMatch(n -> n.act() || n.level() == Notice.Level.URGENT)) {
            outcome = outcome.worst(Outcome.WARNING);
        }
        journal.finishRun(run, outcome);
        return new DutyReport(run, journal.lastRun(null).map(Run::kind).orElse(KIND_DUTY), outcome, events, notices,
                mailed);
    }

    private Event record(String step, String medium, Outcome outcome, String summary, ObjectNode data) {
        Event e = journal.record(run, step, medium, outcome, summary, data);
        listener.recorded(e);
        return e;
    }

    private byte[] password() {
        Path file = config.passwordFile();
        try {
            String pw = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (pw.isEmpty()) {
                throw new IOException("the file is empty");
            }
            return pw.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            String detail = e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage();
            record(Step.DUTY, null, Outcome.FAILED, "cannot read the password file " + file + ": " + detail,
                    journal.object().put("reason", "password-file").put("file", String.valueOf(file))
                            .put("detail", detail));
            return null;
        }
    }

    /** Finds the media, records where each one is, and keeps their whereabouts up to date. */
    private MediaFinder.Result find(byte[] password) {
        listener.starting(Step.PRESENCE, null);
        Map<String, String> expected = new HashMap<>();
        for (Medium m : config.media()) {
            String id = m.id() != null ? m.id() : journal.medium(m.name()).repositoryId();
            expected.put(m.name(), id);
        }
        MediaFinder.Result result = new MediaFinder(s.backends(), s.cacheRoot(), cacheProblems::add)
                .find(config.media(), expected, password);
        Instant now = s.clock().instant();
        for (Found f : result.media()) {
            MediumState before = journal.medium(f.name());
            MediumState after;
            String where = Locations.redact(f.location());
            if (f.present()) {
                after = new MediumState(f.name(), f.repositoryId(), where, true,
                        before.present() && before.presentSince() != null ? before.presentSince() : now, null, now);
            } else {
                Instant away = before.present() ? now : before.awaySince();
                after = new MediumState(f.name(), before.repositoryId(), before.location(), false, null, away,
                        before.lastSeen());
            }
            journal.saveMedium(after);
            Outcome o = switch (f.presence()) {
                case PRESENT -> Outcome.OK;
                case AWAY -> f.medium().rotates() ? Outcome.SKIPPED : Outcome.WARNING;
                case FOREIGN, WRONG_PASSWORD, CREDENTIALS -> Outcome.FAILED;
                case NOT_INITIALISED, UNREACHABLE -> Outcome.WARNING;
            };
            ObjectNode d = journal.object().put("presence", f.presence().code()).put("location", where)
                    .put("rotates", f.medium().rotates()).put("offsite", f.medium().offsite())
                    .put("adopted", f.adopted());
            d.put("found", f.repositoryId());
            d.put("expected", f.expectedId());
            d.put("detail", f.detail());
            if (f.problem() != null) {
                // the sentence's key and values (the file, its permissions, a line number, a name; never a value
                // of the file), so the notice says it in the reader's language
                d.put("problem", f.problem().key());
                ArrayNode args = d.putArray("args");
                f.problem().args().forEach(a -> args.add(String.valueOf(a)));
                d.put("credentials", String.valueOf(f.medium().credentials()));
            }
            String summary = switch (f.presence()) {
                case PRESENT -> "present at " + where + (f.adopted() ? " (repository " + f.repositoryId()
                        + " recorded)" : "");
                case AWAY -> "away";
                case FOREIGN -> "refused: " + where + " holds repository " + f.repositoryId()
                        + ", expected " + f.expectedId();
                case WRONG_PASSWORD -> "the password does not open " + where;
                case NOT_INITIALISED -> "no repository at " + where;
                case UNREACHABLE -> "unreachable: " + f.detail();
                case CREDENTIALS -> "refused, its credentials file cannot be used: " + f.detail();
            };
            record(Step.PRESENCE, f.name(), o, summary, d);
        }
        return result;
    }

    /** Runs the before-commands; returns the sources that exist (the others are recorded as missing). */
    private List<Source> runBefore() {
        List<Source> ready = new ArrayList<>();
        for (Source src : config.sources()) {
            if (src.before() != null) {
                listener.starting(Step.BEFORE, null);
                Path dir = Files.isDirectory(src.path()) ? src.path() : null;
                Commands.Result r = s.commands().run(Commands.shell(src.before()), dir, BEFORE_LIMIT);
                ObjectNode d = journal.object().put("source", src.path().toString()).put("command", src.before())
                        .put("exit", r.exit()).put("timed_out", r.timedOut()).put("output", r.tail(2000));
                d.put("detail", r.timedOut() ? "stopped after " + BEFORE_LIMIT.toHours() + " h" : "exit " + r.exit()
                        + (r.tail(300).isEmpty() ? "" : ": " + r.tail(300)));
                record(Step.BEFORE, null, r.ok() ? Outcome.OK : Outcome.FAILED, (r.ok() ? "ran " : "failed ")
                        + src.before() + " (exit " + r.exit() + ")", d);
            }
            if (Files.exists(src.path())) {
                ready.add(src);
            } else {
                record(Step.BACKUP, null, Outcome.FAILED, "source missing: " + src.path(),
                        journal.object().put("reason", "source-missing").put("source", src.path().toString()));
            }
        }
        return ready;
    }

    private void backup(Found f, List<Source> sources, List<String> tags) {
        Repository repo = f.repository();
        listener.starting(Step.BACKUP, f.name());
        try (RepositoryLock lock = Locks.acquire(repo, false)) {
            OrphanPacks.indexIfNeeded(repo);
            for (Source src : sources) {
                backupOne(f, repo, src, tags);
            }
        } catch (RuntimeException e) {
            record(Step.BACKUP, f.name(), Outcome.FAILED, "backup failed on " + f.name() + ": " + e.getMessage(),
                    journal.object().put("reason", "medium").put("detail", String.valueOf(e.getMessage()))
                            .put("offsite", f.medium().offsite()));
        }
    }

    private void backupOne(Found f, Repository repo, Source src, List<String> tags) {
        BackupOptions o = BackupOptions.of(List.of(src.path())).withTags(tags).withHost(s.host())
                .withExcludes(src.exclude(), false, false);
        ObjectNode d = journal.object().put("source", src.path().toString()).put("offsite", f.medium().offsite());
        d.putArray("tags").addAll(tags.stream().map(t -> journal.object().textNode(t)).toList());
        try {
            BackupSummary sum;
            try (RepositoryWriter w = new RepositoryWriter(repo, s.writer())) {
                sum = new Archiver(repo, w, o, BackupListener.NONE).run();
            }
            d.put("snapshot", sum.snapshot().hex()).put("files_new", sum.filesNew())
                    .put("files_changed", sum.filesChanged()).put("files_unmodified", sum.filesUnmodified())
                    .put("data_added", sum.dataAdded()).put("data_added_packed", sum.dataAddedPacked())
                    .put("total_files", sum.totalFiles()).put("total_bytes", sum.totalBytes())
                    .put("millis", sum.millis()).put("warnings", sum.warnings().size());
            ArrayNode w = d.putArray("unreadable");
            sum.warnings().stream().limit(20).forEach(x -> w.addObject().put("path", x.path())
                    .put("message", x.message()));
            record(Step.BACKUP, f.name(), sum.complete() ? Outcome.OK : Outcome.WARNING, "snapshot "
                    + sum.snapshot().shortHex() + " of " + src.path() + " on " + f.name() + ": " + sum.totalFiles()
                    + " files, " + sum.dataAddedPacked() + " bytes added" + (sum.complete() ? ""
                    : ", " + sum.warnings().size() + " unreadable"), d);
        } catch (SourceException e) {
            record(Step.BACKUP, f.name(), Outcome.FAILED, "source missing: " + src.path(),
                    d.put("reason", "source-missing"));
        }
    }

    private void retention(Found f) {
        listener.starting(Step.RETENTION, f.name());
        try {
            RetentionStep.Result r = s.retention().apply(f.repository(), config.retention(), s.clock());
            record(Step.RETENTION, f.name(), r.applied() ? Outcome.OK : Outcome.SKIPPED, r.detail(),
                    journal.object().put("applied", r.applied()).put("kept", r.kept()).put("removed", r.removed())
                            .put("policy", RetentionStep.describe(config.retention())));
        } catch (RuntimeException e) {
            record(Step.RETENTION, f.name(), Outcome.FAILED, "retention failed: " + e.getMessage(),
                    journal.object().put("detail", String.valueOf(e.getMessage())));
        }
    }

    /** Records how much the medium's repository holds (its packs), for the size over time. */
    private void size(Found f) {
        try {
            long bytes = 0;
            int packs = 0;
            for (FileInfo p : f.repository().backend().list(FileType.PACK)) {
                bytes += p.size();
                packs++;
            }
            record(Step.SIZE, f.name(), Outcome.OK, "repository of " + f.name() + ": " + packs + " packs, " + bytes
                    + " bytes", journal.object().put("bytes", bytes).put("packs", packs));
        } catch (IOException | RuntimeException e) {
            record(Step.SIZE, f.name(), Outcome.SKIPPED, "size of " + f.name() + " unknown: " + e.getMessage(),
                    journal.object().put("detail", String.valueOf(e.getMessage())));
        }
    }

    private void verify(Found f) {
        listener.starting(Step.VERIFY, f.name());
        VerifyPlanner.Plan plan = VerifyPlanner.plan(journal.cycle(f.name()), f.medium(), config, s.clock().instant());
        long packsRead = 0;
        long bytesRead = 0;
        Set<String> errors = new LinkedHashSet<>();
        try (RepositoryLock lock = Locks.acquire(f.repository(), false)) {
            List<ReadData> reads = new ArrayList<>();
            if (plan.all()) {
                reads.add(ReadData.ALL);
            } else {
                for (int g : plan.groups()) {
                    reads.add(ReadData.parseSubset(g + "/" + plan.cycle().groups()));
                }
            }
            // the store itself, never the local copy of its index and snapshots: this proves what is stored
            Repository stored = f.repository().uncached();
            for (ReadData rd : reads) {
                CheckReport r = new Checker(stored, rd, CheckListener.NONE).run();
                packsRead += r.packsRead();
                bytesRead += r.bytesRead();
                for (Finding x : r.findings()) {
                    if (x.isError()) {
                        errors.add(x.toString());
                    }
                }
            }
        } catch (RuntimeException e) {
            errors.add("check could not run: " + e.getMessage());
        }
        journal.saveCycle(plan.cycle());
        ObjectNode d = journal.object().put("share", plan.describe()).put("groups", plan.cycle().groups())
                .put("packs_read", packsRead).put("bytes_read", bytesRead).put("errors", errors.size())
                .put("cycle_started", plan.cycle().started().toString()).put("cycle_complete", plan.completes())
                .put("late", plan.late());
        d.put("detail", errors.isEmpty() ? null : errors.iterator().next());
        ArrayNode list = d.putArray("findings");
        errors.stream().limit(20).forEach(list::add);
        record(Step.VERIFY, f.name(), errors.isEmpty() ? Outcome.OK : Outcome.FAILED, "read back share "
                + plan.describe() + " of " + f.name() + ": " + packsRead + " packs, " + (errors.isEmpty() ? "healthy"
                : errors.size() + " error(s)") + (plan.completes() ? "; every pack read since "
                + plan.cycle().started() : ""), d);
    }

    private void health(Found f) {
        if (!f.medium().local()) {
            return;
        }
        Path where = Path.of(f.location());
        listener.starting(Step.SMART, f.name());
        SmartProbe.Result smart;
        try {
            smart = s.smart().check(where);
        } catch (RuntimeException e) {
            smart = SmartProbe.Result.unknown(String.valueOf(e.getMessage()));
        }
        ObjectNode d = journal.object().put("health", smart.health().name().toLowerCase(java.util.Locale.ROOT));
        d.put("device", smart.device());
        d.put("detail", smart.detail());
        record(Step.SMART, f.name(), switch (smart.health()) {
            case PASSED -> Outcome.OK;
            case FAILED -> Outcome.FAILED;
            case UNKNOWN -> Outcome.SKIPPED;
        }, "disk health " + smart.health().name().toLowerCase(java.util.Locale.ROOT)
                + (smart.detail() == null || smart.detail().isBlank() ? "" : ": " + smart.detail()), d);
        SpaceProbe.Space space = s.space().check(where);
        if (space != null) {
            boolean low = space.freeShare() < Advisor.NEARLY_FULL;
            record(Step.SPACE, f.name(), low ? Outcome.WARNING : Outcome.OK, Math.round(space.freeShare() * 100)
                    + " % free (" + space.usable() / (1024 * 1024) + " MiB)",
                    journal.object().put("usable", space.usable()).put("total", space.total()));
        }
    }

    /** Each medium is drilled when it has not been within {@code drill-every} (and on its first night). */
    private boolean drillDue(String medium) {
        Optional<Event> last = journal.last(Step.DRILL, medium, Outcome.OK, Outcome.FAILED);
        return last.isEmpty() || !s.clock().instant().isBefore(config.verify().drillEvery().after(last.get().at()));
    }

    private boolean wholeDrillDue(String medium) {
        for (Event e : journal.recent(Step.DRILL, 200)) {
            if (medium.equals(e.medium()) && e.data().path("whole").asBoolean()) {
                Duration every = config.verify().drillEvery().approx().multipliedBy(WHOLE_DRILL_EVERY);
                return Duration.between(e.at(), s.clock().instant()).compareTo(every) >= 0;
            }
        }
        // the first drill of a medium is a sample; the first whole one comes a period later
        return journal.last(Step.DRILL, medium, Outcome.OK).isPresent()
                && journal.recent(Step.DRILL, 200).stream().filter(e -> medium.equals(e.medium())).count()
                >= WHOLE_DRILL_EVERY;
    }

    private void drill(Found f, boolean whole) {
        listener.starting(Step.DRILL, f.name());
        try {
            Path temp = Files.createTempDirectory("hygie-drill-");
            Drill.Proof proof;
            try {
                proof = new Drill(f.repository(), s.random(), temp).run(config.verify().drillFiles(), whole);
            } finally {
                Files.deleteIfExists(temp);
            }
            ObjectNode d = journal.object().put("whole", whole).put("files_checked", proof.filesChecked())
                    .put("files_ok", proof.filesOk()).put("bytes", proof.bytes()).put("millis", proof.millis());
            ArrayNode snaps = d.putArray("snapshots");
            String firstProblem = null;
            for (Drill.SnapshotProof sp : proof.snapshots()) {
                ObjectNode o = snaps.addObject().put("snapshot", sp.snapshot()).put("time", sp.time())
                        .put("ok", sp.ok());
                sp.paths().forEach(o.putArray("paths")::add);
                ArrayNode files = o.putArray("files");
                for (Drill.FileProof fp : sp.files()) {
                    ObjectNode x = files.addObject().put("path", fp.path()).put("size", fp.size())
                            .put("chunks", fp.chunks()).put("ok", fp.ok());
                    if (fp.detail() != null) {
                        x.put("detail", fp.detail());
                        firstProblem = firstProblem == null ? fp.path() + ": " + fp.detail() : firstProblem;
                    }
                }
                sp.problems().forEach(o.putArray("problems")::add);
                if (!sp.problems().isEmpty() && firstProblem == null) {
                    firstProblem = sp.problems().get(0);
                }
            }
            d.put("detail", firstProblem);
            record(Step.DRILL, f.name(), proof.ok() ? Outcome.OK : Outcome.FAILED, (whole ? "whole restore" : "sample")
                    + " drill on " + f.name() + ": " + proof.filesOk() + "/" + proof.filesChecked()
                    + " files restored identical to the snapshot from " + proof.snapshots().size() + " snapshot(s)", d);
        } catch (IOException | RuntimeException e) {
            record(Step.DRILL, f.name(), Outcome.FAILED, "drill failed on " + f.name() + ": " + e.getMessage(),
                    journal.object().put("whole", whole).put("detail", String.valueOf(e.getMessage())));
        }
    }

    private void audit() {
        listener.starting(Step.AUDIT, null);
        try {
            AuditStep.Outcome a = s.audit().run(new JournalBackupStatus(config, journal),
                    new PracticeGdprStatus(config, journal.clock()), config.language());
            if (a == null) {
                return;
            }
            ObjectNode d = journal.object().put("coverage", a.coverage()).put("fail", a.fail()).put("warn", a.warn());
            if (a.score() != null) {
                d.put("score", a.score());
            } else {
                d.putNull("score");
            }
            a.actions().forEach(d.putArray("actions")::add);
            record(Step.AUDIT, null, a.fail() > 0 ? Outcome.WARNING : Outcome.OK, "audit score "
                    + (a.score() == null ? "-" : a.score() + "/100") + ", " + a.fail() + " point(s) to correct", d);
        } catch (RuntimeException e) {
            record(Step.AUDIT, null, Outcome.WARNING, "audit could not run: " + e.getMessage(),
                    journal.object().put("detail", String.valueOf(e.getMessage())));
        }
    }

    private ObjectNode noticeData(Notice n) {
        ObjectNode d = journal.object().put("code", n.code()).put("level", n.level().code()).put("act", n.act())
                .put("topic", n.topic().code()).put("text", n.text(texts));
        String action = n.action(texts);
        d.put("action", action);
        d.put("detail", n.detail());
        if (n.mailOnce() != null) {
            d.put("mail_once", n.mailOnce().key());
        }
        ArrayNode args = d.putArray("args");
        for (Object a : n.args()) {
            args.add(a instanceof java.util.Date date ? date.toInstant().toString()
                    : a instanceof Texts.Phrase phrase ? texts.get(phrase) : String.valueOf(a));
        }
        return d;
    }

    /**
     * Sends the mail when something failed or the doctor must act ({@link MailDue}: a breach's clock is mailed once
     * per state); records it, with the states it told.
     */
    private boolean mail(List<Notice> notices) {
        boolean failed = journal.events(run).stream().anyMatch(e -> e.outcome() == Outcome.FAILED
                && !e.step().equals(Step.NOTICE));
        if (!MailDue.due(notices, failed, journal, s.clock().instant())) {
            return false;
        }
        if (config.alerts() == null) {
            record(Step.MAIL, null, Outcome.SKIPPED, "a mail was needed but none is configured", null);
            return false;
        }
        Mail m = MailComposer.compose(config, notices, failed, texts, s.clock());
        ObjectNode d = journal.object().put("subject", m.subject());
        m.to().forEach(d.putArray("to")::add);
        MailDue.told(notices).forEach(d.putArray(MailDue.TOLD)::add);
        try {
            s.notifier().send(m);
            record(Step.MAIL, null, Outcome.OK, "mail sent to " + String.join(", ", m.to()) + ": " + m.subject(), d);
            return true;
        } catch (NotifyException | IllegalStateException e) {
            record(Step.MAIL, null, Outcome.FAILED, "mail not sent: " + e.getMessage(),
                    d.put("detail", e.getMessage()));
            return false;
        }
    }
}
