package org.hygie.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.hygie.audit.backup.BackupStatusSource;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.OsFamily;

/**
 * How to run an audit.
 *
 * @param language   {@code fr} or {@code en}
 * @param os         the OS whose collectors run
 * @param context    commands, files, environment and clock the collectors use (live or recorded)
 * @param stateDir   folder of the attestation file
 * @param backup     where the state of Hygie's backups comes from
 * @param thresholds per rule id, thresholds replacing the catalogue's
 */
public record AuditOptions(String language, OsFamily os, CollectionContext context, Path stateDir,
                           BackupStatusSource backup, Map<String, Map<String, Object>> thresholds) {
    public AuditOptions {
        if (!language.equals("fr") && !language.equals("en")) {
            throw new IllegalArgumentException("language must be fr or en, not " + language);
        }
        thresholds = Map.copyOf(thresholds);
    }

    /** An audit of this machine, in French, with attestations in {@code stateDir} and no Hygie backup known. */
    public static AuditOptions live(Path stateDir) {
        return new AuditOptions("fr", OsFamily.current(), CollectionContext.live(Clock.systemDefaultZone()), stateDir,
                BackupStatusSource.none(), Map.of());
    }

    public AuditOptions withLanguage(String lang) {
        return new AuditOptions(lang, os, context, stateDir, backup, thresholds);
    }

    public AuditOptions withBackup(BackupStatusSource source) {
        return new AuditOptions(language, os, context, stateDir, source, thresholds);
    }

    public AuditOptions withContext(OsFamily family, CollectionContext ctx) {
        return new AuditOptions(language, family, ctx, stateDir, backup, thresholds);
    }

    public Clock clock() {
        return context.clock();
    }
}
