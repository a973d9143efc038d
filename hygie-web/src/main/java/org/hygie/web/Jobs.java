package org.hygie.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.hygie.web.auth.Secrets;

/**
 * Long work started from a page (a restore, the nightly duty, a drill), run in the background; its page polls
 * {@code /jobs/ID/state} for the progress. Jobs are kept in memory until the server stops.
 */
public final class Jobs implements AutoCloseable {
    private final Map<String, Job> byId = new ConcurrentHashMap<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "hygie-web-job");
        t.setDaemon(true);
        return t;
    });

    /** One job: a title, a progress, lines of result, and whether it ended well. */
    public static final class Job {
        private final String id;
        private final String title;
        private final String back;
        private volatile double fraction;
        private volatile String status = "";
        private volatile boolean done;
        private volatile boolean ok;
        private final List<String> lines = new ArrayList<>();

        Job(String id, String title, String back) {
            this.id = id;
            this.title = title;
            this.back = back;
        }

        public String id() {
            return id;
        }

        public String title() {
            return title;
        }

        /** Where the result page links back to. */
        public String back() {
            return back;
        }

        public double fraction() {
            return fraction;
        }

        public String status() {
            return status;
        }

        public boolean done() {
            return done;
        }

        public boolean ok() {
            return ok;
        }

        public synchronized List<String> lines() {
            return List.copyOf(lines);
        }

        public void progress(double f, String text) {
            fraction = Math.max(0, Math.min(1, f));
            status = text;
        }

        public synchronized void line(String text) {
            if (lines.size() < 500) {
                lines.add(text);
            }
        }

        public void finish(boolean success, String text) {
            ok = success;
            status = text;
            fraction = 1;
            done = true;
        }
    }

    /** Starts {@code work} in the background; it reports on the job, and a thrown exception fails it. */
    public Job start(String title, String back, Consumer<Job> work) {
        Job job = new Job(Secrets.token(), title, back);
        byId.put(job.id(), job);
        pool.submit(() -> {
            try {
                work.accept(job);
                if (!job.done()) {
                    job.finish(true, "");
                }
            } catch (RuntimeException | Error e) {
                job.finish(false, String.valueOf(e.getMessage()));
            }
        });
        return job;
    }

    public Job get(String id) {
        return id == null ? null : byId.get(id);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
