package org.hygie.backup.restore;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.List;
import java.util.Locale;

/** What a restore did: counts, bytes written, and each entry it could not restore. */
public record RestoreResult(long files, long dirs, long symlinks, long hardlinks, long specials, long bytes,
        List<Problem> problems, long millis) {

    /** Why an entry was not restored; each has a sentence in French and English ({@link RestoreTexts}). */
    public enum Reason {
        /** Something is already at that place and overwriting was not asked for (or it is a folder). */
        EXISTS,
        /** A file stands where the snapshot has a folder. */
        NOT_A_FOLDER,
        /** The snapshot names the entry with a name that would leave its folder ({@code ..}, a slash). */
        UNSAFE_NAME,
        /** A node type this restore does not know. */
        UNKNOWN_TYPE,
        /** A file node without its list of contents. */
        NO_CONTENT,
        /** A piece of the file is not in the repository's index. */
        DATA_MISSING,
        /** A pack holding a piece of the file could not be read or failed its check. */
        DATA_UNREADABLE,
        /** A folder's listing (tree) could not be read. */
        TREE_UNREADABLE,
        /** The system refused to write there. */
        ACCESS_DENIED,
        /** The target disk is full. */
        DISK_FULL,
        /** Another error of the system while writing. */
        WRITE_FAILED,
        /** The hard link to an earlier restored file could not be made. */
        HARD_LINK,
        /** The contents are back but the dates, rights or owner could not be set. */
        METADATA;

        /** The lower-case, dashed name used in JSON and as the key of its text. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * An entry not restored.
     *
     * @param path   the entry's path in the snapshot
     * @param reason why, for the user's language
     * @param detail the technical detail (English, from the system or the repository), or null
     */
    public record Problem(String path, Reason reason, String detail) {
        /** A system error while writing, classified: access refused and a full disk have their own reason. */
        public static Problem ofWrite(String path, IOException e) {
            if (e instanceof AccessDeniedException) {
                return new Problem(path, Reason.ACCESS_DENIED, e.getMessage());
            }
            String text = e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                    : String.valueOf(e.getMessage());
            if (text.contains("No space left") || text.contains("Disk quota exceeded")) {
                return new Problem(path, Reason.DISK_FULL, e.getMessage());
            }
            return new Problem(path, Reason.WRITE_FAILED, e.getMessage());
        }

        /** The reason and the detail in English, for logs and JSON. */
        public String message() {
            String what = RestoreTexts.reason(this, Locale.ENGLISH);
            return detail == null || what.contains(detail) ? what : what + " (" + detail + ")";
        }
    }

    public boolean complete() {
        return problems.isEmpty();
    }
}
