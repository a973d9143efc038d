package org.hygie.cli;

import java.util.concurrent.Callable;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.journal.Journal;
import org.hygie.practice.status.MediumStatus;
import org.hygie.practice.status.Status;
import org.hygie.practice.status.StatusReport;
import org.hygie.practice.text.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hygie status}: "am I protected?" in one screen, from the journal. Exit 0 when protected, 3 when
 * something needs attention, 1 when not protected.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Êtes-vous protégé ? En un écran / am I protected? in one screen.")
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    HygieCommand root;

    @Mixin
    PracticeOptions practice = new PracticeOptions();

    @Option(names = "--json", description = "Sortie JSON (docs/PRACTICE.md) / JSON output.")
    boolean json;

    @Override
    public Integer call() {
        Messages msg = root.messages();
        Terminal t = root.terminal();
        PracticeConfig config = practice.load(msg, t, json);
        StatusReport r;
        try (Journal j = Journal.open(config.stateDir(), java.time.Clock.systemDefaultZone())) {
            r = Status.of(config, j);
        } catch (RuntimeException e) {
            throw PracticeText.translate(e);
        }
        if (json) {
            t.println(Status.json(r, Texts.of(msg.locale())).toString());
        } else {
            print(r, msg, t);
        }
        return switch (r.verdict()) {
            case PROTECTED -> ExitCode.OK;
            case ATTENTION -> ExitCode.PARTIAL;
            case NOT_PROTECTED -> ExitCode.FAILED;
        };
    }

    static void print(StatusReport r, Messages msg, Terminal t) {
        t.println(msg.get("status.header", r.practice(), PracticeText.date(r.now(), msg)));
        t.println("");
        long serious = r.notices().stream().filter(n -> n.level() != org.hygie.practice.duty.Notice.Level.INFO).count();
        t.println(msg.get("status.verdict." + r.verdict().code(), serious));
        t.println("");
        t.println(msg.get("status.media"));
        for (MediumStatus m : r.media()) {
            String kind = m.offsite() ? msg.get("status.kind.offsite") : m.rotates() ? msg.get("status.kind.rotating")
                    : msg.get("status.kind.fixed");
            String where = switch (m.presence()) {
                case "present" -> msg.get("status.where.present", PracticeText.day(m.presentSince(), msg));
                case "away" -> msg.get("status.where.away", PracticeText.day(m.awaySince(), msg),
                        m.keptAt() == null ? "" : msg.get("status.kept-at", m.keptAt()));
                default -> msg.get("status.where.unknown");
            };
            t.println(msg.get("status.medium", m.name(), kind, where));
            t.println(msg.get("status.medium.backup", PracticeText.date(m.lastBackup(), msg)));
            String verify = m.lastVerify() == null ? msg.get("practice.never") : msg.get("status.verify."
                    + m.lastVerifyOutcome().code(), PracticeText.day(m.lastVerify(), msg), m.verifyShare());
            String full = m.fullReadSince() != null ? msg.get("status.full", PracticeText.day(m.fullReadSince(), msg))
                    : m.lastVerify() == null ? null : msg.get("status.full.none");
            t.println(full == null ? msg.get("status.medium.verify.never", verify)
                    : msg.get("status.medium.verify", verify, full));
            String drill = m.lastDrill() == null ? msg.get("practice.never") : msg.get("status.drill."
                    + m.lastDrillOutcome().code(), PracticeText.day(m.lastDrill(), msg));
            String space = m.usable() == null || m.total() == null || m.total() == 0 ? ""
                    : msg.get("status.space", Math.round(100.0 * m.usable() / m.total()), msg.bytes(m.usable()));
            String smart = m.smart() == null ? "" : msg.get("status.smart." + m.smart());
            t.println(msg.get("status.medium.drill", drill, space, smart));
        }
        t.println("");
        t.println(r.outsideCopy() == null ? msg.get("status.outside.none")
                : msg.get(r.outsideFresh() ? "status.outside.fresh" : "status.outside.stale",
                PracticeText.date(r.outsideCopy(), msg)));
        t.println(r.auditScore() == null ? msg.get("status.audit.none")
                : msg.get("status.audit", r.auditScore(), r.auditFailures(), PracticeText.day(r.auditAt(), msg)));
        t.println(r.lastDuty() == null ? msg.get("status.duty.none") : msg.get("status.duty",
                PracticeText.date(r.lastDuty().started(), msg), msg.get("status.outcome."
                        + (r.lastDuty().outcome() == null ? "running" : r.lastDuty().outcome().code()))));
        t.println("");
        PracticeText.notices(r.notices(), msg, t);
    }
}
