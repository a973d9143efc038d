package org.hygie.backup.archiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReaderPoolTest {
    @Test
    void theLargestWaitingFileIsReadFirstThenTheEarliestOfOneSize() throws Exception {
        ReaderPool pool = new ReaderPool(1);
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        CompletableFuture<String> first = pool.read(1, () -> {
            started.countDown();
            await(busy);
            order.add("first");
            return "first";
        });
        started.await(10, TimeUnit.SECONDS); // the one reader is busy: what follows waits in the queue
        List<CompletableFuture<String>> waiting = List.of(
                pool.read(5, () -> record(order, "letter-a")),
                pool.read(536_870_912, () -> record(order, "cabinet.db")),
                pool.read(5, () -> record(order, "letter-b")),
                pool.read(7_000, () -> record(order, "scan")),
                pool.read(536_870_912, () -> record(order, "cabinet-copy.db")));
        busy.countDown();
        assertEquals("first", first.get(10, TimeUnit.SECONDS));
        for (CompletableFuture<String> f : waiting) {
            f.get(10, TimeUnit.SECONDS);
        }
        assertEquals(List.of("first", "cabinet.db", "cabinet-copy.db", "scan", "letter-a", "letter-b"), order);
        pool.shutdownNow();
    }

    @Test
    void whatAReadThrowsReachesWhoeverWaitsForTheFile() {
        ReaderPool pool = new ReaderPool(2);
        UncheckedIOException failure = new UncheckedIOException(new IOException("disk gone"));
        CompletableFuture<String> f = pool.read(10, () -> {
            throw failure;
        });
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
        assertSame(failure, e.getCause());
        pool.shutdownNow();
    }

    private static String record(List<String> order, String name) {
        order.add(name);
        return name;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
