package org.hygie.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;
import org.junit.jupiter.api.Test;

class ParallelLoadsTest {

    @Test
    void loadsRunTogetherAndComeBackInTheOrderAsked() {
        List<Integer> inputs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            inputs.add(i);
        }
        // Each of the first THREADS loads waits until all of them have started: one at a time, none would finish.
        CountDownLatch allStarted = new CountDownLatch(ParallelLoads.THREADS);
        AtomicInteger timedOut = new AtomicInteger();
        Random rnd = new Random(3);
        int[] pause = rnd.ints(50, 0, 5).toArray();
        List<ParallelLoads.Outcome<String>> out = ParallelLoads.map(inputs, i -> {
            allStarted.countDown();
            try {
                if (!allStarted.await(30, TimeUnit.SECONDS)) {
                    timedOut.incrementAndGet();
                }
                Thread.sleep(pause[i]);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return "v" + i;
        });
        assertEquals(0, timedOut.get(), "the loads ran " + ParallelLoads.THREADS + " at a time");
        assertEquals(50, out.size());
        for (int i = 0; i < 50; i++) {
            assertEquals("v" + i, out.get(i).value());
            assertNull(out.get(i).error());
        }
    }

    @Test
    void aFailedLoadIsKeptInItsPlaceAndTheOthersGoOn() {
        RepositoryException broken = new RepositoryException(Problem.CORRUPTED, "snapshots/x", "does not parse");
        List<ParallelLoads.Outcome<Integer>> out = ParallelLoads.map(List.of(1, 2, 3, 4), i -> {
            if (i == 2) {
                throw broken;
            }
            return i * 10;
        });
        assertEquals(10, out.get(0).value());
        assertSame(broken, out.get(1).error());
        assertNull(out.get(1).value());
        assertEquals(30, out.get(2).value());
        assertEquals(40, out.get(3).value());
    }

    @Test
    void noThreadIsLeftBehind() throws InterruptedException {
        ParallelLoads.map(List.of(1, 2, 3), i -> i);
        for (int i = 0; i < 100 && loadThreadsAlive(); i++) {
            Thread.sleep(50);
        }
        assertFalse(loadThreadsAlive(), "load threads stop once the loads are done");
    }

    private static boolean loadThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("hygie-load-") && t.isAlive());
    }
}
