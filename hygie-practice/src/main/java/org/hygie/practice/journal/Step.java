package org.hygie.practice.journal;

/** The kinds of journal events; the codes are stored in the journal and in {@code status --json}: stable. */
public final class Step {
    /** A run started or ended (a nightly duty, a drill, a backup before an update, a set-up). */
    public static final String DUTY = "duty";
    /** A medium was found present, away, refused or unreachable. */
    public static final String PRESENCE = "presence";
    /** A source's before-command ran. */
    public static final String BEFORE = "before";
    /** A source was backed up onto a medium. */
    public static final String BACKUP = "backup";
    /** Retention (forget) on a medium. */
    public static final String RETENTION = "retention";
    /** The size of a medium's repository after the night's backups and retention (its packs). */
    public static final String SIZE = "size";
    /** A share of a medium was read back and checked. */
    public static final String VERIFY = "verify";
    /** Disk health (SMART). */
    public static final String SMART = "smart";
    /** Free space on a medium. */
    public static final String SPACE = "space";
    /** The workstation audit. */
    public static final String AUDIT = "audit";
    /** A restore drill, with its proof. */
    public static final String DRILL = "drill";
    /** A warning or an action for the doctor. */
    public static final String NOTICE = "notice";
    /** A mail alert sent (or that could not be sent). */
    public static final String MAIL = "mail";

    private Step() {
    }
}
