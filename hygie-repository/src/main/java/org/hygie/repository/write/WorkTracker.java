package org.hygie.repository.write;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Counts tasks started and not yet finished, so that {@code flush} can wait until there are none. */
final class WorkTracker {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private long running;

    void start() {
        lock.lock();
        try {
            running++;
        } finally {
            lock.unlock();
        }
    }

    void done() {
        lock.lock();
        try {
            if (--running == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    void awaitIdle() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (running > 0) {
                idle.await();
            }
        } finally {
            lock.unlock();
        }
    }
}
