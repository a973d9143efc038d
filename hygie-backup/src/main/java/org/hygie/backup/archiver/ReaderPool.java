package org.hygie.backup.archiver;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The threads that read files, which take the largest waiting file first (files of one size in the order they
 * came). A file is chunked by one thread from start to end; a large one started last would leave the other
 * threads, and the cores, idle at the end of the backup while it alone is read (a practice's database of
 * hundreds of MiB among thousands of letters). Started first, it is read alongside the small ones. The walk of the
 * folders runs ahead of the readers, so the largest files it has met are the ones waiting.
 */
final class ReaderPool {
    private final ThreadPoolExecutor executor;
    private final AtomicLong arrivals = new AtomicLong();

    ReaderPool(int threads) {
        executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new PriorityBlockingQueue<>(),
                r -> {
                    Thread th = new Thread(r, "hygie-backup-read");
                    th.setDaemon(true);
                    return th;
                });
    }

    /** Runs {@code read} of a file of {@code size} bytes on a reader thread; its result, or what it threw. */
    <T> CompletableFuture<T> read(long size, Supplier<T> read) {
        CompletableFuture<T> result = new CompletableFuture<>();
        executor.execute(new Task(size, arrivals.getAndIncrement(), () -> {
            try {
                result.complete(read.get());
            } catch (Throwable t) { // handed to whoever waits for the file, as CompletableFuture.supplyAsync does
                result.completeExceptionally(t);
            }
        }));
        return result;
    }

    /** Stops the threads; files still waiting are not read. */
    void shutdownNow() {
        executor.shutdownNow();
    }

    /** A file to read; the queue's head is the largest, then the earliest. */
    private record Task(long size, long arrival, Runnable work) implements Runnable, Comparable<Task> {
        @Override
        public void run() {
            work.run();
        }

        @Override
        public int compareTo(Task other) {
            int bySize = Long.compare(other.size, size);
            return bySize != 0 ? bySize : Long.compare(arrival, other.arrival);
        }
    }
}
