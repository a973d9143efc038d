package org.hygie.practice.duty;

import java.time.Instant;
import java.util.List;
import org.hygie.practice.text.Texts;

/**
 * Something the doctor or the helper should know: a failure, a warning of the media plan, a breach of personal
 * data waiting for a decision, an action. {@code code} names the sentence ({@code notice.CODE}) and the action
 * ({@code action.CODE}) in the practice's texts; the codes are stable ({@code status --json}).
 *
 * @param level  how serious
 * @param act    the doctor must do something: a mail is sent (every night while it lasts, or once per state when
 *               {@code mailOnce} is set)
 * @param medium the medium concerned, or null
 * @param args   the values put in the sentences (texts, numbers, {@link java.util.Date}s)
 * @param topic  what it is about: the backups, or the GDPR file
 * @param detail the technical detail in English (an error message) for the helper, kept out of the sentences;
 *               null when there is none
 * @param mailOnce for a notice that stays the same for days (a breach's clock), the state it tells: a mail is sent
 *               when the state appears, not again while it lasts; null for a notice mailed every night
 */
public record Notice(String code, Level level, boolean act, String medium, List<Object> args, Topic topic,
                     String detail, MailOnce mailOnce) {
    public enum Level {
        INFO, WARNING, URGENT;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * What a notice is about. The backups decide whether the practice is protected (the status' verdict, the
     * duty's failure); the GDPR file has its own light and its own verdict ({@code hygie gdpr status}).
     */
    public enum Topic {
        BACKUP, GDPR;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A state told by one mail: {@code key} names it ({@code breach-open:2026-1}); no mail sent before
     * {@code since} (when the state began) can have told it.
     */
    public record MailOnce(String key, Instant since) {
    }

    public Notice {
        args = List.copyOf(args);
    }

    /** A notice about the backups, mailed every night while it lasts when {@code act}. */
    public static Notice of(String code, Level level, boolean act, String medium, Object... args) {
        return new Notice(code, level, act, medium, List.of(args), Topic.BACKUP, null, null);
    }

    public Notice about(Topic t) {
        return new Notice(code, level, act, medium, args, t, detail, mailOnce);
    }

    public Notice withDetail(String d) {
        return new Notice(code, level, act, medium, args, topic, d == null || d.isBlank() ? null : d, mailOnce);
    }

    public Notice mailedOnce(String key, Instant since) {
        return new Notice(code, level, act, medium, args, topic, detail, new MailOnce(key, since));
    }

    /** What is wrong, one sentence. */
    public String text(Texts texts) {
        return texts.get("notice." + code, args.toArray());
    }

    /** What to do, one sentence, or null when there is nothing to do. */
    public String action(Texts texts) {
        return texts.has("action." + code) ? texts.get("action." + code, args.toArray()) : null;
    }
}
