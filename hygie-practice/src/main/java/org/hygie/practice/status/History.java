package org.hygie.practice.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hygie.practice.config.Medium;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.duty.DutyRunner;
import org.hygie.practice.journal.Event;
import org.hygie.practice.journal.Journal;
import org.hygie.practice.journal.Outcome;
import org.hygie.practice.journal.Run;
import org.hygie.practice.journal.Step;
import org.hygie.practice.media.Presence;

/**
 * The journal's history as a face shows it, read-only: what each night did on each medium, the verifications and
 * restore drills with their proof, the size of each medium's repository over time, the last retention. Nothing is
 * written and no repository is opened; the judgement of a night (verified, done, warnings, failed, away) is made
 * here, so that every face tells the same.
 */
public final class History {
    private History() {
    }

    /** How a night went on one medium, best to worst; a night without a duty has no entry. */
    public enum NightState {
        /** Backed up, and tonight's share read back healthy. */
        VERIFIED,
        /** Backed up, not read back tonight. */
        DONE,
        /** Backed up with something missing: unreadable files, a source folder not found. */
        WARNING,
        /** Nothing (or something damaged) on this medium tonight although it was expected. */
        FAILED,
        /** The medium was away (a disk taken home). */
        AWAY;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One medium, one night.
     *
     * @param date   the night: the date (in the zone asked) the duty started
     * @param reason why that state, a stable code a face puts into words: {@code verified}, {@code backed-up},
     *               {@code unreadable} (detail: how many files), {@code source-missing} (detail: the folder),
     *               {@code backup-failed}, {@code verify-damaged}, {@code drill-failed}, {@code password-file},
     *               {@code away}, and the presence codes {@code foreign}, {@code wrong-password},
     *               {@code not-initialised}, {@code unreachable}
     * @param detail the journal's detail for that reason (English, technical), or null
     * @param at     when that night's duty started
     * @param runs   duties that night (a duty started by hand counts too)
     */
    public record Night(String medium, LocalDate date, NightState state, String reason, String detail, Instant at,
            int runs) {
    }

    /**
     * A verification (a share of a medium read back).
     *
     * @param share         {@code n/m} groups of packs read, or {@code all}
     * @param cycleComplete every pack of the medium read back since {@code cycleStarted}
     */
    public record Verification(String medium, Instant at, Outcome outcome, String share, long packsRead,
            long bytesRead, int errors, List<String> findings, boolean cycleComplete, Instant cycleStarted,
            boolean late) {
        public Verification {
            findings = List.copyOf(findings);
        }

        public boolean ok() {
            return outcome == Outcome.OK;
        }
    }

    /** A file restored in a drill and proven: its size, and its chunks cut again giving the snapshot's blob ids. */
    public record DrilledFile(String path, long size, int chunks, boolean ok, String detail) {
    }

    /** The part of a drill on one snapshot. */
    public record DrilledSnapshot(String snapshot, String time, List<String> paths, boolean ok,
            List<DrilledFile> files, List<String> problems) {
        public DrilledSnapshot {
            paths = List.copyOf(paths);
            files = List.copyOf(files);
            problems = List.copyOf(problems);
        }
    }

    /** A restore drill on one medium, with its proof. */
    public record Drill(String medium, Instant at, Outcome outcome, boolean whole, int filesChecked, int filesOk,
            long bytes, List<DrilledSnapshot> snapshots, String detail) {
        public Drill {
            snapshots = List.copyOf(snapshots);
        }

        public boolean ok() {
            return outcome == Outcome.OK;
        }
    }

    /** The size of a medium's repository (its packs) after a night. */
    public record Size(String medium, Instant at, long bytes, int packs) {
    }

    /** The last retention on a medium: whether the policy was applied, and what it kept and removed. */
    public record Retention(String medium, Instant at, boolean applied, int kept, int removed, String detail) {
    }

    // ---------------------------------------------------------------- nights

    /**
     * Per medium (configuration order), the nights from {@code from} to {@code to} (inclusive, dates in
     * {@code zone}) that had a nightly duty, oldest first. When several duties ran the same day, the last one that
     * found the medium present tells the night (else the last one).
     */
    public static Map<String, List<Night>> nights(PracticeConfig config, Journal journal, LocalDate from, LocalDate to,
            ZoneId zone) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<Run> runs = journal.runs(DutyRunner.KIND_DUTY, start, end);
        Map<Long, List<Event>> byRun = new HashMap<>();
        for (Event e : journal.between(start, end.plusSeconds(86_400), null)) {
            byRun.computeIfAbsent(e.run(), k -> new ArrayList<>()).add(e);
        }
        Map<String, List<Night>> out = new LinkedHashMap<>();
        for (Medium m : config.media()) {
            Map<LocalDate, Night> days = new java.util.TreeMap<>();
            Map<LocalDate, Integer> counts = new HashMap<>();
            for (Run r : runs) {
                LocalDate day = r.started().atZone(zone).toLocalDate();
                Night n = night(m.name(), day, r, byRun.getOrDefault(r.id(), List.of()));
                if (n == null) {
                    continue;
                }
                int c = counts.merge(day, 1, Integer::sum);
                Night before = days.get(day);
                if (before == null || n.state() != NightState.AWAY || before.state() == NightState.AWAY) {
                    days.put(day, new Night(n.medium(), day, n.state(), n.reason(), n.detail(), n.at(), c));
                } else {
                    days.put(day, new Night(before.medium(), day, before.state(), before.reason(), before.detail(),
                            before.at(), c));
                }
            }
            out.put(m.name(), List.copyOf(days.values()));
        }
        return out;
    }

    /** What one duty did on one medium; null when it says nothing of it (a duty still running, or killed early). */
    static Night night(String medium, LocalDate day, Run run, List<Event> events) {
        Event presence = null;
        List<Event> backups = new ArrayList<>();
        Event verify = null;
        Event drill = null;
        String missingSource = null;
        for (Event e : events) {
            JsonNode d = e.data();
            if (e.step().equals(Step.DUTY) && e.outcome() == Outcome.FAILED
                    && "password-file".equals(d.path("reason").asText())) {
                return new Night(medium, day, NightState.FAILED, "password-file", d.path("detail").asText(null),
                        run.started(), 1);
            }
            if (e.step().equals(Step.BACKUP) && e.medium() == null && e.outcome() == Outcome.FAILED) {
                missingSource = d.path("source").asText(null);
            }
            if (!medium.equals(e.medium())) {
                continue;
            }
            switch (e.step()) {
                case Step.PRESENCE -> presence = e;
                case Step.BACKUP -> backups.add(e);
                case Step.VERIFY -> verify = e;
                case Step.DRILL -> drill = e;
                default -> {
                }
            }
        }
        if (presence == null) {
            return null;
        }
        String p = presence.data().path("presence").asText();
        if (p.equals(Presence.AWAY.code())) {
            return new Night(medium, day, NightState.AWAY, "away", null, run.started(), 1);
        }
        if (!p.equals(Presence.PRESENT.code())) {
            return new Night(medium, day, NightState.FAILED, p, presence.data().path("detail").asText(null),
                    run.started(), 1);
        }
        if (backups.isEmpty()) {
            if (run.finished() == null) {
                return null;
            }
            return new Night(medium, day, NightState.FAILED, missingSource != null ? "source-missing" : "backup-failed",
                    missingSource, run.started(), 1);
        }
        int unreadable = 0;
        for (Event b : backups) {
            if (b.outcome() == Outcome.FAILED) {
                boolean missing = "source-missing".equals(b.data().path("reason").asText());
                return new Night(medium, day, missing ? NightState.WARNING : NightState.FAILED,
                        missing ? "source-missing" : "backup-failed",
                        missing ? b.data().path("source").asText(null) : b.data().path("detail").asText(null),
                        run.started(), 1);
            }
            if (b.outcome() == Outcome.WARNING) {
                unreadable += b.data().path("warnings").asInt();
            }
        }
        if (verify != null && verify.outcome() == Outcome.FAILED) {
            return new Night(medium, day, NightState.FAILED, "verify-damaged", verify.data().path("detail").asText(null),
                    run.started(), 1);
        }
        if (drill != null && drill.outcome() == Outcome.FAILED) {
            return new Night(medium, day, NightState.FAILED, "drill-failed", drill.data().path("detail").asText(null),
                    run.started(), 1);
        }
        if (unreadable > 0) {
            return new Night(medium, day, NightState.WARNING, "unreadable", String.valueOf(unreadable), run.started(), 1);
        }
        if (missingSource != null) {
            return new Night(medium, day, NightState.WARNING, "source-missing", missingSource, run.started(), 1);
        }
        if (verify != null && verify.outcome() == Outcome.OK) {
            return new Night(medium, day, NightState.VERIFIED, "verified", verify.data().path("share").asText(null),
                    run.started(), 1);
        }
        return new Night(medium, day, NightState.DONE, "backed-up", null, run.started(), 1);
    }

    // ---------------------------------------------------------------- proofs

    /** The last {@code limit} verifications of any medium, newest first. */
    public static List<Verification> verifications(Journal journal, int limit) {
        List<Verification> out = new ArrayList<>();
        for (Event e : journal.recent(Step.VERIFY, limit)) {
            JsonNode d = e.data();
            List<String> findings = new ArrayList<>();
            d.path("findings").forEach(f -> findings.add(f.asText()));
            String started = d.path("cycle_started").asText(null);
            out.add(new Verification(e.medium(), e.at(), e.outcome(), d.path("share").asText(null),
                    d.path("packs_read").asLong(), d.path("bytes_read").asLong(), d.path("errors").asInt(), findings,
                    d.path("cycle_complete").asBoolean(), started == null ? null : Instant.parse(started),
                    d.path("late").asBoolean()));
        }
        return out;
    }

    /** The last {@code limit} restore drills (done or failed, not the ones skipped), newest first. */
    public static List<Drill> drills(Journal journal, int limit) {
        List<Drill> out = new ArrayList<>();
        for (Event e : journal.recent(Step.DRILL, limit * 2)) {
            if (e.outcome() == Outcome.SKIPPED || e.medium() == null) {
                continue;
            }
            JsonNode d = e.data();
            List<DrilledSnapshot> snaps = new ArrayList<>();
            for (JsonNode s : d.path("snapshots")) {
                List<String> paths = new ArrayList<>();
                s.path("paths").forEach(x -> paths.add(x.asText()));
                List<DrilledFile> files = new ArrayList<>();
                for (JsonNode f : s.path("files")) {
                    files.add(new DrilledFile(f.path("path").asText(), f.path("size").asLong(), f.path("chunks").asInt(),
                            f.path("ok").asBoolean(), f.path("detail").asText(null)));
                }
                List<String> problems = new ArrayList<>();
                s.path("problems").forEach(x -> problems.add(x.asText()));
                snaps.add(new DrilledSnapshot(s.path("snapshot").asText(), s.path("time").asText(null), paths,
                        s.path("ok").asBoolean(), files, problems));
            }
            out.add(new Drill(e.medium(), e.at(), e.outcome(), d.path("whole").asBoolean(),
                    d.path("files_checked").asInt(), d.path("files_ok").asInt(), d.path("bytes").asLong(), snaps,
                    d.path("detail").asText(null)));
            if (out.size() >= limit) {
                break;
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- size, retention

    /** Per medium (configuration order), its repository's size after each night since {@code since}, oldest first. */
    public static Map<String, List<Size>> sizes(PracticeConfig config, Journal journal, Instant since) {
        Map<String, List<Size>> out = new LinkedHashMap<>();
        config.media().forEach(m -> out.put(m.name(), new ArrayList<>()));
        for (Event e : journal.between(since, journal.now().plusSeconds(1), Step.SIZE)) {
            List<Size> list = e.medium() == null ? null : out.get(e.medium());
            if (list != null && e.outcome() == Outcome.OK) {
                list.add(new Size(e.medium(), e.at(), e.data().path("bytes").asLong(), e.data().path("packs").asInt()));
            }
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return out;
    }

    /** The latest retention step on any medium, if one ran. */
    public static Optional<Retention> lastRetention(Journal journal) {
        return journal.last(Step.RETENTION, null).map(e -> new Retention(e.medium(), e.at(),
                e.data().path("applied").asBoolean(), e.data().path("kept").asInt(), e.data().path("removed").asInt(),
                e.summary()));
    }
}
