package org.hygie.repository.concurrent;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Work spread over a few threads of its own, results in the order asked for. */
public final class Parallel {
    private Parallel() {
    }

    /** Work on one input, which may fail as I/O does. */
    public interface Task<I, T> {
        T run(I input) throws IOException;
    }

    /** Threads named {@code name-1}, {@code name-2}…, daemons, so that work left behind never keeps the JVM alive. */
    public static ThreadFactory daemons(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Applies {@code task} to every input, up to {@code threads} at once (in the caller's thread when there is one
     * input or one thread); one result per input, in order. The first failure in input order is thrown as it was
     * (IOException, RuntimeException, Error); once a task has failed, the tasks after it in input order that have
     * not started do not run. Those before it still do: a pool thread may take an earlier input and be descheduled
     * before it starts, while another thread runs a later one that fails; the earlier one's failure, if any, is then
     * still the one thrown.
     */
    public static <I, T> List<T> map(List<I> inputs, int threads, String name, Task<I, T> task) throws IOException {
        List<T> out = new ArrayList<>(inputs.size());
        if (inputs.size() <= 1 || threads <= 1) {
            for (I in : inputs) {
                out.add(task.run(in));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, inputs.size()), daemons(name));
        AtomicInteger firstFailed = new AtomicInteger(Integer.MAX_VALUE);
        try {
            List<Future<T>> futures = new ArrayList<>(inputs.size());
            for (int i = 0; i < inputs.size(); i++) {
                final int index = i;
                final I in = inputs.get(i);
                futures.add(pool.submit(() -> {
                    if (firstFailed.get() < index) {
                        return null; // never read: an earlier task failed, and that failure is thrown first
                    }
                    try {
                        return task.run(in);
                    } catch (IOException | RuntimeException | Error e) {
                        firstFailed.accumulateAndGet(index, Math::min);
                        throw e;
                    }
                }));
            }
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while " + name + " worked");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IOException(c);
        } finally {
            pool.shutdownNow();
        }
    }
}
