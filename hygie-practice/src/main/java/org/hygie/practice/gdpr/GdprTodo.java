package org.hygie.practice.gdpr;

import java.util.List;
import org.hygie.practice.text.Texts;

/**
 * Something the GDPR file asks of the practice. {@code code} names the sentence ({@code gdpr.todo.CODE}) and the
 * action ({@code gdpr.todo-action.CODE}) in the practice's texts; codes are stable ({@code hygie gdpr status
 * --json}): {@code breach-late}, {@code breach-open}, {@code register-empty}, {@code register-never-reviewed},
 * {@code register-review-due}, {@code retention-short}.
 *
 * @param urgent the 72-hour clock of a breach ran out: the doctor must act now
 * @param args   the values put in the sentences (texts, numbers, {@link java.util.Date}s)
 */
public record GdprTodo(String code, boolean urgent, List<Object> args) {
    public GdprTodo {
        args = List.copyOf(args);
    }

    static GdprTodo of(String code, boolean urgent, Object... args) {
        return new GdprTodo(code, urgent, List.of(args));
    }

    public String text(Texts texts) {
        return texts.get("gdpr.todo." + code, args.toArray());
    }

    public String action(Texts texts) {
        return texts.get("gdpr.todo-action." + code, args.toArray());
    }
}
