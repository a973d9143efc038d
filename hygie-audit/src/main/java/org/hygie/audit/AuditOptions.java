package org.hygie.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.hygie.audit.backup.BackupStatusSource;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.OsFamily;
import org.hygie.audit.gdpr.GdprStatusSource;

/**
 * How to run an audit.
 *
 * @param language   {@code fr} or {@code en}
 * @param os         the OS whose collectors run
 * @param context    commands, files, environment and clock the collectors use (live or recorded)
 * @param stateDir   folder of the attestation file
 * @param backup     where the state of Hygie's backups comes from
 * @param thresholds per rule id, thresholds replacing the catalogue's
 * @param gdpr       where the state of the practice's GDPR file comes from
 */
public record AuditOptions(String language, OsFamily os, CollectionContext context, Path stateDir,
                           BackupStatusSource backup, Map<String, Map<String, Object>> thresholds,
                           GdprStatusSource gdpr) {
    public AuditOptions {
        if (!language.equals("fr") && !language.equals("en")) {
            throw new IllegalArgumentException("language must be fr or en, not " + language);
        }
        thresholds = Map.copyOf(thresholds);
    }

    /** Options without a GDPR source: the GDPR points say that no practice is configured. */
    public AuditOptions(String language, OsFamily os, CollectionContext context, Path stateDir,
                        BackupStatusSource backup, Map<String, Map<String, Object>> thresholds) {
        this(language, os, context, stateDir, backup, thresholds, GdprStatusSource.none());
    }

    /**
     * An audit of this machine, in French, with attestations in {@code stateDir}, no Hygie backup and no practice's
     * GDPR file known.
     */
    public static AuditOptions live(Path stateDir) {
        return new AuditOptions("fr", OsFamily.current(), CollectionContext.live(Clock.systemDefaultZone()), stateDir,
                BackupStatusSource.none(), Map.of(), GdprStatusSource.none());
    }

    public AuditOptions withLanguage(String lang) {
        return new AuditOptions(lang, os, context, stateDir, backup, thresholds, gdpr);
    }

    public AuditOptions withBackup(BackupStatusSource source) {
        return new AuditOptions(language, os, context, stateDir, source, thresholds, gdpr);
    }

    public AuditOptions withGdpr(GdprStatusSource source) {
        return new AuditOptions(language, os, context, stateDir, backup, thresholds, source);
    }

    public AuditOptions withContext(OsFamily family, CollectionContext ctx) {
        return new AuditOptions(language, family, ctx, stateDir, backup, thresholds, gdpr);
    }

    public Clock clock() {
        return context.clock();
    }
}
