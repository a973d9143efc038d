package org.hygie.web.audit;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hygie.audit.result.AuditReport;

/**
 * The last audit per language, run in the background: the first page that needs it waits for it, later pages get
 * it at once; {@link #refresh()} starts new runs (after an attestation, or on request).
 */
public final class AuditCache implements AutoCloseable {
    private final AuditSource source;
    private final Map<String, CompletableFuture<AuditReport>> runs = new ConcurrentHashMap<>();
    private final ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hygie-web-audit");
        t.setDaemon(true);
        return t;
    });

    public AuditCache(AuditSource source) {
        this.source = source;
    }

    /** Starts the audit in this language if none is cached or running. */
    public CompletableFuture<AuditReport> start(String lang) {
        return runs.computeIfAbsent(lang, l -> CompletableFuture.supplyAsync(() -> source.run(l), pool));
    }

    /** The audit in this language, waiting at most {@code seconds} for a run in progress. */
    public AuditReport get(String lang, long seconds) throws TimeoutException {
        try {
            return start(lang).get(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted");
        } catch (ExecutionException e) {
            runs.remove(lang);
            Throwable c = e.getCause();
            throw c instanceof RuntimeException re ? re : new IllegalStateException(c);
        }
    }

    /** Forgets the cached audits and starts a new one in {@code lang}. */
    public void refresh(String lang) {
        runs.clear();
        start(lang);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
