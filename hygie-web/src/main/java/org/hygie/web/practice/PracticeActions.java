package org.hygie.web.practice;

/**
 * What the Actions page can start in the practice layer. Absent (null) while the practice layer cannot run them:
 * the page is then not shown rather than faked.
 */
public interface PracticeActions {
    /** Where an action reports while it runs. */
    interface Progress {
        void progress(double fraction, String text);

        void line(String text);
    }

    /** Runs the nightly duty now; returns whether it ended well. */
    boolean runDuty(String lang, Progress progress);

    /** Runs a restore drill now; returns whether it ended well. */
    boolean runDrill(String lang, Progress progress);
}
