package org.hygie.practice.duty;

import java.util.List;
import org.hygie.audit.Audit;
import org.hygie.audit.AuditOptions;
import org.hygie.audit.attest.AttestationStore;
import org.hygie.audit.backup.BackupStatusSource;
import org.hygie.audit.gdpr.GdprStatusSource;
import org.hygie.audit.result.AuditReport;
import org.hygie.audit.result.RuleResult;

/** The workstation audit as a step of the duty: its backup rules read the journal, its GDPR rules the GDPR file. */
public interface AuditStep {
    /**
     * @param score    overall score 0–100, null when nothing could be graded
     * @param fail     points to correct
     * @param warn     points to improve
     * @param actions  the titles of the points to act on, most urgent first
     */
    record Outcome(Integer score, int coverage, int fail, int warn, List<String> actions) {
    }

    Outcome run(BackupStatusSource backups, String language);

    /** The audit with the practice's GDPR file too; a step that does not read it (a test's) runs as above. */
    default Outcome run(BackupStatusSource backups, GdprStatusSource gdpr, String language) {
        return run(backups, language);
    }

    /** The real audit of this workstation ({@code hygie-audit}), attestations in the usual folder. */
    AuditStep LIVE = new AuditStep() {
        @Override
        public Outcome run(BackupStatusSource backups, String language) {
            return run(backups, GdprStatusSource.none(), language);
        }

        @Override
        public Outcome run(BackupStatusSource backups, GdprStatusSource gdpr, String language) {
            AuditOptions options = AuditOptions.live(AttestationStore.defaultStateDir()).withLanguage(language)
                    .withBackup(backups).withGdpr(gdpr);
            return summarise(new Audit().run(options));
        }
    };

    /** No audit (a test, or a duty told to skip it). */
    AuditStep NONE = (backups, language) -> null;

    static Outcome summarise(AuditReport r) {
        return new Outcome(r.overall().score(), r.overall().coverage(), r.overall().fail(), r.overall().warn(),
                r.actions().stream().map(RuleResult::title).limit(5).toList());
    }
}
