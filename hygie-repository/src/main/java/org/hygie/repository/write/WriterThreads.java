package org.hygie.repository.write;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.hygie.repository.concurrent.Parallel;

/**
 * The thread pools of a writer. Daemon threads, so that a writer abandoned without {@code close} (a crash, a bug)
 * never keeps the JVM alive. Queues are unbounded: the byte budget bounds what is queued.
 */
final class WriterThreads {
    private WriterThreads() {
    }

    static ThreadPoolExecutor pool(String name, int threads) {
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                Parallel.daemons(name));
    }

    static ScheduledThreadPoolExecutor timer(String name) {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, Parallel.daemons(name));
        t.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return t;
    }
}
