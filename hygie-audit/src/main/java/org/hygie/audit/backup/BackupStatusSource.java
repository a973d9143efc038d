package org.hygie.audit.backup;

/** Where the audit learns the state of Hygie's backups. Implemented by the practice layer. */
public interface BackupStatusSource {
    /** The current state; a source that cannot be read throws {@link java.io.UncheckedIOException}. */
    BackupStatus read();

    /** A short description of the source for the evidence (a file path, "none"). */
    String describe();

    /** The source used when Hygie has no backup configured. */
    static BackupStatusSource none() {
        return new BackupStatusSource() {
            @Override
            public BackupStatus read() {
                return BackupStatus.notConfigured();
            }

            @Override
            public String describe() {
                return "no Hygie backup configuration";
            }
        };
    }
}
