package org.hygie.practice.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hygie.practice.config.Medium;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.duty.Advisor;
import org.hygie.practice.duty.DutyRunner;
import org.hygie.practice.duty.Notice;
import org.hygie.practice.journal.Event;
import org.hygie.practice.journal.Journal;
import org.hygie.practice.journal.MediumState;
import org.hygie.practice.journal.Outcome;
import org.hygie.practice.journal.Step;
import org.hygie.practice.journal.VerifyCycle;
import org.hygie.practice.text.Texts;
import org.hygie.repository.backend.Locations;

/** Builds the status from the configuration and the journal (nothing is written, no repository is opened). */
public final class Status {
    private Status() {
    }

    public static StatusReport of(PracticeConfig config, Journal journal) {
        Instant now = journal.now();
        Advisor advisor = new Advisor(config, journal, now);
        List<Notice> notices = advisor.advise();
        List<MediumStatus> media = new ArrayList<>();
        for (Medium m : config.media()) {
            media.add(medium(m, journal));
        }
        Optional<Instant> outside = advisor.outsideCopy();
        boolean fresh = outside.isPresent() && Duration.between(outside.get(), now).compareTo(advisor.outsideLimit()) <= 0;
        Optional<Event> audit = journal.last(Step.AUDIT, null, Outcome.OK, Outcome.WARNING);
        Integer score = audit.filter(e -> e.data().path("score").isNumber()).map(e -> e.data().path("score").asInt())
                .orElse(null);
        Integer fails = audit.map(e -> e.data().path("fail").asInt()).orElse(null);
        Instant drill = journal.last(Step.DRILL, null, Outcome.OK).map(Event::at).orElse(null);
        // protected or not is said of the backups; a breach waiting for a decision needs attention, urgently
        StatusReport.Verdict verdict = notices.stream().anyMatch(n -> n.level() == Notice.Level.URGENT
                && n.topic() == Notice.Topic.BACKUP) ? StatusReport.Verdict.NOT_PROTECTED
                : notices.stream().anyMatch(n -> n.level() != Notice.Level.INFO) ? StatusReport.Verdict.ATTENTION
                : StatusReport.Verdict.PROTECTED;
        return new StatusReport(config.practice(), now, verdict, journal.lastRun(DutyRunner.KIND_DUTY).orElse(null),
                media, outside.orElse(null), fresh, score, fails, audit.map(Event::at).orElse(null), drill, notices);
    }

    private static MediumStatus medium(Medium m, Journal j) {
        MediumState st = j.medium(m.name());
        Optional<Event> backup = j.last(Step.BACKUP, m.name(), Outcome.OK, Outcome.WARNING);
        Optional<Event> verify = j.last(Step.VERIFY, m.name());
        Optional<Event> drill = j.last(Step.DRILL, m.name(), Outcome.OK, Outcome.FAILED);
        Optional<Event> space = j.last(Step.SPACE, m.name());
        Optional<Event> smart = j.last(Step.SMART, m.name());
        Optional<VerifyCycle> cycle = j.cycle(m.name());
        Instant fullSince = null;
        if (cycle.isPresent() && cycle.get().complete()) {
            fullSince = cycle.get().started();
        } else {
            // the previous complete cycle is the one recorded by the last verification that completed one
            for (Event e : j.recent(Step.VERIFY, 500)) {
                if (m.name().equals(e.medium()) && e.data().path("cycle_complete").asBoolean()) {
                    fullSince = Instant.parse(e.data().path("cycle_started").asText());
                    break;
                }
            }
        }
        Boolean plugged = null;
        if (m.local()) {
            Path dir = Path.of(m.repo());
            plugged = Files.isDirectory(dir) && Files.exists(dir.resolve("config"));
        }
        String presence = st.present() ? "present" : st.lastSeen() != null || st.awaySince() != null ? "away"
                : "unknown";
        return new MediumStatus(m.name(), m.rotates(), m.offsite(), Locations.redact(m.repo()), m.keptAt(),
                m.id() != null ? m.id() : st.repositoryId(), presence, plugged, st.presentSince(), st.awaySince(),
                st.lastSeen(), backup.map(Event::at).orElse(null),
                backup.map(e -> e.data().path("snapshot").asText(null)).orElse(null), verify.map(Event::at).orElse(null),
                verify.map(Event::outcome).orElse(null), verify.map(e -> e.data().path("share").asText(null))
                        .orElse(null), fullSince, drill.map(Event::at).orElse(null),
                drill.map(Event::outcome).orElse(null),
                space.map(e -> e.data().path("usable").asLong()).orElse(null),
                space.map(e -> e.data().path("total").asLong()).orElse(null),
                smart.map(e -> e.data().path("health").asText(null)).orElse(null));
    }

    /** The status as JSON (documented in docs/PRACTICE.md; field names are stable). */
    public static ObjectNode json(StatusReport r, Texts texts) {
        ObjectMapper om = new ObjectMapper();
        ObjectNode o = om.createObjectNode();
        o.put("practice", r.practice()).put("now", r.now().toString()).put("verdict", r.verdict().code())
                .put("protected", r.verdict() != StatusReport.Verdict.NOT_PROTECTED);
        if (r.lastDuty() != null) {
            ObjectNode d = o.putObject("last_duty").put("started", r.lastDuty().started().toString());
            d.put("finished", str(r.lastDuty().finished()));
            d.put("outcome", r.lastDuty().outcome() == null ? null : r.lastDuty().outcome().code());
        } else {
            o.putNull("last_duty");
        }
        ArrayNode media = o.putArray("media");
        for (MediumStatus m : r.media()) {
            ObjectNode x = media.addObject().put("name", m.name()).put("rotates", m.rotates())
                    .put("offsite", m.offsite()).put("location", m.location()).put("presence", m.presence());
            x.put("kept_at", m.keptAt());
            x.put("repository_id", m.repositoryId());
            if (m.pluggedNow() == null) {
                x.putNull("plugged_now");
            } else {
                x.put("plugged_now", m.pluggedNow());
            }
            x.put("present_since", str(m.presentSince())).put("away_since", str(m.awaySince()))
                    .put("last_seen", str(m.lastSeen())).put("last_backup", str(m.lastBackup()))
                    .put("last_snapshot", m.lastSnapshot()).put("last_verify", str(m.lastVerify()))
                    .put("last_verify_outcome", m.lastVerifyOutcome() == null ? null : m.lastVerifyOutcome().code())
                    .put("verify_share", m.verifyShare()).put("full_read_since", str(m.fullReadSince()))
                    .put("last_drill", str(m.lastDrill()))
                    .put("last_drill_outcome", m.lastDrillOutcome() == null ? null : m.lastDrillOutcome().code())
                    .put("smart", m.smart());
            if (m.usable() != null) {
                x.put("usable_bytes", m.usable()).put("total_bytes", m.total());
            }
        }
        ObjectNode out = o.putObject("outside_copy");
        out.put("last", str(r.outsideCopy())).put("fresh", r.outsideFresh());
        ObjectNode audit = o.putObject("audit");
        if (r.auditScore() != null) {
            audit.put("score", r.auditScore());
        } else {
            audit.putNull("score");
        }
        audit.put("failures", r.auditFailures()).put("at", str(r.auditAt()));
        o.put("last_drill", str(r.lastDrill()));
        ArrayNode notices = o.putArray("notices");
        for (Notice n : r.notices()) {
            ObjectNode x = notices.addObject().put("code", n.code()).put("level", n.level().code()).put("act", n.act())
                    .put("topic", n.topic().code()).put("medium", n.medium()).put("text", n.text(texts));
            x.put("action", n.action(texts));
            x.put("detail", n.detail());
        }
        return o;
    }

    private static String str(Instant i) {
        return i == null ? null : i.toString();
    }
}
