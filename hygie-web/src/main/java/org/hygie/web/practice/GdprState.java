package org.hygie.web.practice;

import java.util.List;
import org.hygie.practice.gdpr.GdprOverview;

/**
 * The practice's GDPR file, ready to show: the register, the breach log with each breach's 72-hour clock and the
 * legal retention, as {@code hygie-practice} judged them ({@link GdprOverview}), and what to do in words.
 *
 * @param configured whether a practice configuration exists
 * @param problems   why the GDPR file could not be read (the file named first, then each problem), empty when read
 * @param overview   the file judged now; null when not configured or not readable
 * @param todo       what the file asks of the practice, most urgent first, in the page's language
 */
public record GdprState(boolean configured, List<String> problems, GdprOverview overview, List<Notice> todo) {
    public GdprState {
        problems = List.copyOf(problems);
        todo = List.copyOf(todo);
    }

    public static GdprState notConfigured() {
        return new GdprState(false, List.of(), null, List.of());
    }

    /** Whether the file was read (it may be empty). */
    public boolean readable() {
        return overview != null;
    }
}
