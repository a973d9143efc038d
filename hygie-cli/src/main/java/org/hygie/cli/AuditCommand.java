package org.hygie.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.hygie.audit.Audit;
import org.hygie.audit.AuditOptions;
import org.hygie.audit.attest.Attestation;
import org.hygie.audit.attest.AttestationStore;
import org.hygie.audit.backup.BackupStatusSource;
import org.hygie.audit.backup.StateFileBackupSource;
import org.hygie.audit.gdpr.GdprStatusSource;
import org.hygie.audit.report.HtmlReport;
import org.hygie.audit.report.JsonReport;
import org.hygie.audit.result.AuditReport;
import org.hygie.audit.result.RuleResult;
import org.hygie.audit.result.SectionScore;
import org.hygie.audit.result.Status;
import org.hygie.audit.rule.Rule;
import org.hygie.audit.rule.RuleType;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.duty.JournalBackupStatus;
import org.hygie.practice.gdpr.PracticeGdprStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hygie audit}: checks this workstation against the guide and prints what to do, most urgent first.
 * Exit code 0 when no point fails, 2 when at least one does. All judgement is in {@code hygie-audit}.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, subcommands = AuditCommand.Attest.class,
        description = "Vérifie ce poste selon le guide / checks this workstation against the guide.")
public final class AuditCommand implements Callable<Integer> {
    static final int FAILED_POINTS = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "JSON output (docs/audit-json-schema.json)")
    boolean json;

    @picocli.CommandLine.ParentCommand
    HygieCommand root;

    @Option(names = "--html", paramLabel = "FILE", description = "also write an HTML report to FILE")
    Path html;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "where attestations are kept (default ~/.config/hygie)")
    Path stateDir;

    @Option(names = "--backup-state", paramLabel = "FILE", description = "state file of Hygie's backups")
    Path backupState;

    @picocli.CommandLine.Mixin
    PracticeOptions practiceOptions = new PracticeOptions();

    @Override
    public Integer call() throws IOException {
        Messages m = root.messages();
        String language = m.locale().getLanguage();
        // the practice set up on this computer, when there is one, tells the backup and GDPR points
        PracticeConfig practice = practiceOptions.loadIfAny(m, root.terminal(), json);
        Clock clock = Clock.systemDefaultZone();
        BackupStatusSource backup = backupState != null ? new StateFileBackupSource(backupState)
                : practice != null ? JournalBackupStatus.reading(practice, clock) : BackupStatusSource.none();
        GdprStatusSource gdpr = practice != null ? new PracticeGdprStatus(practice, clock) : GdprStatusSource.none();
        AuditOptions options = AuditOptions.live(dir(stateDir)).withLanguage(language).withBackup(backup)
                .withGdpr(gdpr);
        AuditReport report = new Audit().run(options);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonReport.render(report));
        } else {
            printText(report, m, out);
        }
        if (html != null) {
            Files.writeString(html, HtmlReport.render(report), StandardCharsets.UTF_8);
            if (!json) {
                out.println(m.get("audit.html.written", html.toString()));
            }
        }
        out.flush();
        return report.hasFailures() ? FAILED_POINTS : 0;
    }

    static Path dir(Path stateDir) {
        return stateDir != null ? stateDir : AttestationStore.defaultStateDir();
    }

    private static void printText(AuditReport r, Messages m, PrintWriter out) {
        String when = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.systemDefault()).format(r.startedAt());
        String osName = r.facts().stream().filter(f -> f.id().equals("os.name") && f.available())
                .map(f -> String.valueOf(f.value())).findFirst().orElse(r.os());
        out.println(m.get("audit.header", r.host(), osName, when));
        out.println(m.get("audit.score", scoreText(r.overall(), m), String.valueOf(r.overall().coverage())));
        out.println();
        if (r.actions().isEmpty()) {
            out.println(m.get("audit.actions.none"));
        } else {
            out.println(m.get("audit.actions"));
            int i = 1;
            for (RuleResult a : r.actions()) {
                out.println(m.get("audit.action", String.valueOf(i++), label(a.status(), m), a.title(), a.evidence()));
                out.println(m.get("audit.action.todo", a.remediation()));
            }
        }
        out.println();
        out.println(m.get("audit.sections"));
        for (SectionScore s : r.sections()) {
            out.println(m.get("audit.section", pad(s.title(), 34), pad(scoreText(s, m), 8), String.valueOf(s.pass()),
                    String.valueOf(s.warn()), String.valueOf(s.fail()), String.valueOf(s.unknown() + s.manual())));
        }
        out.println();
        out.println(m.get("audit.passed"));
        for (RuleResult x : r.results()) {
            if (x.status() == Status.PASS || x.status() == Status.NOT_APPLICABLE) {
                out.println(m.get("audit.passed.item", label(x.status(), m), x.title(), x.evidence()));
            }
        }
        out.println();
        out.println(m.get(r.hasFailures() ? "audit.footer.fail" : "audit.footer.ok"));
    }

    private static String scoreText(SectionScore s, Messages m) {
        return s.score() == null ? "–" : m.get("audit.score.value", String.valueOf(s.score()));
    }

    private static String label(Status s, Messages m) {
        return m.get("audit.status." + s.code());
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** {@code hygie audit attest RULE --by NAME}: records that a manual point is done, for one year. */
    @Command(name = "attest", mixinStandardHelpOptions = true,
            description = "Atteste un point manuel du guide / attests a manual point of the guide.")
    static final class Attest implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "RULE", description = "manual rule id, e.g. physical-security")
        String rule;

        @Option(names = "--by", required = true, paramLabel = "NAME", description = "who attests")
        String by;

        @picocli.CommandLine.ParentCommand
        AuditCommand audit;

        @Option(names = "--state-dir", paramLabel = "DIR", description = "where attestations are kept (default ~/.config/hygie)")
        Path stateDir;

        @Override
        public Integer call() {
            Messages m = audit.root.messages();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Rule r = new Audit().catalog().rule(rule).orElse(null);
            if (r == null || r.type() != RuleType.MANUAL) {
                String manual = String.join(", ", new Audit().catalog().rules().stream()
                        .filter(x -> x.type() == RuleType.MANUAL).map(Rule::id).toList());
                err.println(m.get(r == null ? "audit.attest.unknown_rule" : "audit.attest.not_manual", rule, manual));
                return 1;
            }
            if (by.isBlank()) {
                err.println(m.get("audit.attest.no_name"));
                return 1;
            }
            AttestationStore store = new AttestationStore(dir(stateDir));
            Attestation a = store.attest(rule, by, Clock.systemDefaultZone());
            DateTimeFormatter day = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneId.systemDefault());
            out.println(m.get("audit.attest.done", r.title().in(m.locale().getLanguage()), a.by(),
                    day.format(a.attestedAt()), day.format(a.expiresAt()), store.file().toString()));
            return 0;
        }
    }
}
