package org.hygie.practice.duty;

import java.util.List;
import org.hygie.practice.text.Texts;

/**
 * Something the doctor or the helper should know: a failure, a warning of the media plan, an action.
 * {@code code} names the sentence ({@code notice.CODE}) and the action ({@code action.CODE}) in the practice's
 * texts; the codes are stable ({@code status --json}).
 *
 * @param level  how serious
 * @param act    the doctor must do something (a mail is sent)
 * @param medium the medium concerned, or null
 * @param args   the values put in the sentences (texts, numbers, {@link java.util.Date}s)
 */
public record Notice(String code, Level level, boolean act, String medium, List<Object> args) {
    public enum Level {
        INFO, WARNING, URGENT;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Notice {
        args = List.copyOf(args);
    }

    public static Notice of(String code, Level level, boolean act, String medium, Object... args) {
        return new Notice(code, level, act, medium, List.of(args));
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
