package org.hygie.repository.write;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Back-pressure: a count of bytes in flight that {@link #acquire} keeps at or below a limit, blocking the caller
 * until enough is {@link #release}d. {@link #wakeAll} releases the waiters when the writer fails, so nobody
 * waits for bytes that will never come back.
 */
final class ByteBudget {
    private final long limit;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition freed = lock.newCondition();
    private long used;
    private long peak;

    ByteBudget(long limit) {
        this.limit = limit;
    }

    long limit() {
        return limit;
    }

    /**
     * Waits until {@code n} more bytes fit, then takes them. Returns false, without taking anything, as soon as
     * {@code stop} says so (checked at least every 100 ms and at every {@link #wakeAll}).
     */
    boolean acquire(long n, java.util.function.BooleanSupplier stop) throws InterruptedException {
        if (n > limit) {
            throw new IllegalArgumentException(n + " bytes can never fit a budget of " + limit);
        }
        lock.lockInterruptibly();
        try {
            while (used + n > limit) {
                if (stop.getAsBoolean()) {
                    return false;
                }
                freed.await(100, TimeUnit.MILLISECONDS);
            }
            if (stop.getAsBoolean()) {
                return false;
            }
            used += n;
            peak = Math.max(peak, used);
            return true;
        } finally {
            lock.unlock();
        }
    }

    void release(long n) {
        if (n == 0) {
            return;
        }
        lock.lock();
        try {
            used -= n;
            if (used < 0) {
                throw new IllegalStateException("byte budget released more than it gave: " + used);
            }
            freed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void wakeAll() {
        lock.lock();
        try {
            freed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    long used() {
        lock.lock();
        try {
            return used;
        } finally {
            lock.unlock();
        }
    }

    /** The most bytes ever held at once. */
    long peak() {
        lock.lock();
        try {
            return peak;
        } finally {
            lock.unlock();
        }
    }
}
