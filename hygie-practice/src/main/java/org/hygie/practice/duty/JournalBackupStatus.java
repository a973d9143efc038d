package org.hygie.practice.duty;

import java.time.Clock;
import java.time.Instant;
import org.hygie.audit.backup.BackupStatus;
import org.hygie.audit.backup.BackupStatusSource;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.journal.Event;
import org.hygie.practice.journal.Journal;
import org.hygie.practice.journal.Outcome;
import org.hygie.practice.journal.Step;

/**
 * The audit's view of Hygie's backups, from the journal: the last backup onto any medium, the freshest copy
 * outside the practice (as {@link Advisor#outsideCopy()} sees it), the last verification that found the
 * medium healthy. This is what makes the audit's {@code backup-recent}, {@code backup-offsite} and
 * {@code backup-verified} points real.
 */
public final class JournalBackupStatus implements BackupStatusSource {
    private final PracticeConfig config;
    private final Journal journal;

    public JournalBackupStatus(PracticeConfig config, Journal journal) {
        this.config = config;
        this.journal = journal;
    }

    /**
     * A source for a face that lives longer than one read (the dashboard): it opens the journal in the
     * configuration's state folder at each read, and closes it.
     */
    public static BackupStatusSource reading(PracticeConfig config, Clock clock) {
        return new BackupStatusSource() {
            @Override
            public BackupStatus read() {
                try (Journal j = Journal.open(config.stateDir(), clock)) {
                    return new JournalBackupStatus(config, j).read();
                }
            }

            @Override
            public String describe() {
                return "Hygie journal " + config.stateDir().resolve(Journal.FILE_NAME);
            }
        };
    }

    @Override
    public BackupStatus read() {
        Instant now = journal.now();
        Instant success = journal.last(Step.BACKUP, null, Outcome.OK, Outcome.WARNING).map(Event::at).orElse(null);
        Instant outside = new Advisor(config, journal, now).outsideCopy().orElse(null);
        Instant verified = journal.last(Step.VERIFY, null, Outcome.OK).map(Event::at).orElse(null);
        return new BackupStatus(true, success, outside, verified);
    }

    @Override
    public String describe() {
        return "Hygie journal " + journal.file();
    }
}
