package org.hygie.practice.gdpr;

import java.util.Arrays;
import org.hygie.practice.text.Texts;

/**
 * One thing wrong in the GDPR file: where ({@code register}, index and id, or {@code breaches}...), what ({@code
 * code}, a key of the {@code gdpr.problem.} texts) and the values to put in its sentence.
 *
 * @param list  {@code register}, {@code breaches}, or null for the file as a whole
 * @param index position in the list, from 1 (0 when {@code list} is null)
 * @param id    the entry's or breach's id when it has one, else null
 */
public record GdprProblem(String list, int index, String id, String code, Object... args) {
    public GdprProblem {
        args = sentenceArgs(args);
    }

    /** The values as the sentences take them: instants become {@link java.util.Date}s for {@code {n,date,...}}. */
    static Object[] sentenceArgs(Object... args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof java.time.Instant t) {
                out[i] = java.util.Date.from(t);
            }
        }
        return out;
    }

    public static GdprProblem inFile(String code, Object... args) {
        return new GdprProblem(null, 0, null, code, args);
    }

    /** The sentence for the user, with the place. */
    public String render(Texts texts) {
        String what = texts.get("gdpr.problem." + code, args);
        if (list == null) {
            return what;
        }
        String where = texts.get("gdpr.where." + list, index, id == null ? "" : " (" + id + ")");
        return texts.get("gdpr.problem.at", where, what);
    }

    @Override
    public String toString() {
        return (list == null ? "" : list + "[" + index + "]" + (id == null ? "" : " " + id) + ": ") + code + " "
                + Arrays.toString(args);
    }
}
