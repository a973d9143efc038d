package org.hygie.cli;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.hygie.audit.Audit;
import org.hygie.audit.AuditOptions;
import org.hygie.audit.backup.BackupStatusSource;
import org.hygie.audit.backup.StateFileBackupSource;
import org.hygie.audit.gdpr.GdprStatusSource;
import org.hygie.audit.result.AuditReport;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.web.practice.GdprState;
import org.hygie.web.practice.PracticeAdapter;
import org.hygie.web.practice.PracticeState;
import org.hygie.web.practice.PracticeView;
import org.hygie.web.report.PdfReport;
import org.hygie.web.report.SecurityReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hygie report [--pdf FILE] [--html FILE] [--config F]}: the practice's dated security report, for its GDPR
 * file; the media plan, history, proofs and retention come from the practice's configuration and journal when there
 * is one, the GDPR part from its GDPR file.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Rapport de sécurité daté, HTML ou PDF / dated security report, HTML or PDF.")
final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    HygieCommand root;

    @Option(names = "--pdf", paramLabel = "FICHIER", description = "Écrire le rapport en PDF / write the PDF report.")
    Path pdf;

    @Option(names = "--html", paramLabel = "FICHIER", description = "Écrire le rapport en HTML / write the HTML report.")
    Path html;

    @Mixin
    PracticeOptions practiceOptions = new PracticeOptions();

    @Option(names = "--state-dir", paramLabel = "DIR", description = "where attestations are kept (default ~/.config/hygie)")
    Path stateDir;

    @Option(names = "--backup-state", paramLabel = "FILE", description = "state file of Hygie's backups")
    Path backupState;

    @Override
    public Integer call() throws Exception {
        Messages msg = root.messages();
        Terminal t = root.terminal();
        String lang = msg.locale().getLanguage();
        if (pdf == null && html == null) {
            pdf = Path.of(msg.get("report.default-name", LocalDate.now().toString()));
        }
        PracticeConfig config = practiceOptions.loadIfAny(msg, t, false);
        PracticeAdapter adapter = config == null ? null : PracticeAdapter.live(config);
        PracticeView practice = adapter == null ? PracticeView.none() : adapter;
        BackupStatusSource backup = backupState != null ? new StateFileBackupSource(backupState)
                : adapter != null ? adapter.backupStatus() : BackupStatusSource.none();
        t.println(msg.get("report.auditing"));
        GdprStatusSource gdprSource = adapter != null ? adapter.gdprStatus() : GdprStatusSource.none();
        AuditReport audit = new Audit().run(AuditOptions.live(AuditCommand.dir(stateDir)).withLanguage(lang)
                .withBackup(backup).withGdpr(gdprSource));
        PracticeState state;
        GdprState gdpr;
        try {
            state = practice.state(lang);
            gdpr = practice.gdpr(lang);
        } catch (RuntimeException e) {
            throw PracticeText.translate(e);
        }
        String xhtml = SecurityReport.html(audit, state, gdpr, lang, ZoneId.systemDefault(),
                Clock.systemDefaultZone().instant());
        if (html != null) {
            Files.writeString(html, xhtml, StandardCharsets.UTF_8);
            t.println(msg.get("report.written", html.toAbsolutePath()));
        }
        if (pdf != null) {
            try (OutputStream out = Files.newOutputStream(pdf)) {
                PdfReport.write(xhtml, out);
            }
            t.println(msg.get("report.written", pdf.toAbsolutePath()));
        }
        return ExitCode.OK;
    }
}
