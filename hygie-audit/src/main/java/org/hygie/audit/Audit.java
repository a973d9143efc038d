package org.hygie.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hygie.audit.attest.Attestation;
import org.hygie.audit.attest.AttestationStore;
import org.hygie.audit.backup.BackupCollector;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.collect.FileRead;
import org.hygie.audit.collect.PlatformCollectors;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;
import org.hygie.audit.fact.Facts;
import org.hygie.audit.gdpr.GdprCollector;
import org.hygie.audit.result.AuditReport;
import org.hygie.audit.result.RuleResult;
import org.hygie.audit.result.Scorer;
import org.hygie.audit.result.SectionScore;
import org.hygie.audit.rule.Rule;
import org.hygie.audit.rule.RuleCatalog;
import org.hygie.audit.rule.RuleEvaluator;
import org.hygie.audit.rule.Section;
import org.hygie.audit.support.EolTable;
import org.hygie.audit.support.SupportNormaliser;

/** Runs the audit: collect, normalise, judge, score. */
public final class Audit {
    /** Longest time one collector may take before its facts are reported as timed out. */
    static final Duration COLLECTOR_LIMIT = Duration.ofSeconds(40);
    private final RuleCatalog catalog;
    private final EolTable eol;

    public Audit() {
        this(RuleCatalog.builtIn(), EolTable.builtIn());
    }

    public Audit(RuleCatalog catalog, EolTable eol) {
        this.catalog = catalog;
        this.eol = eol;
    }

    public RuleCatalog catalog() {
        return catalog;
    }

    public AuditReport run(AuditOptions options) {
        Instant start = options.clock().instant();
        long t0 = System.nanoTime();
        List<Collector> collectors = new ArrayList<>(PlatformCollectors.forOs(options.os()));
        collectors.add(new BackupCollector(options.backup()));
        collectors.add(new GdprCollector(options.gdpr()));
        Facts facts = collect(collectors, options.context());
        new SupportNormaliser(eol).apply(facts, options.clock());
        Map<String, Attestation> attestations = new AttestationStore(options.stateDir()).load();
        RuleEvaluator evaluator = new RuleEvaluator(catalog, options.language(), options.os().code(), options.clock(),
                attestations, options.thresholds());
        List<RuleResult> results = catalog.rules().stream().map(r -> evaluator.evaluate(r, facts)).toList();
        List<SectionScore> sections = new ArrayList<>();
        for (Section s : catalog.sections()) {
            sections.add(Scorer.score(s.id(), s.title().in(options.language()),
                    results.stream().filter(r -> r.section().equals(s.id())).toList()));
        }
        SectionScore overall = Scorer.score("overall", options.language().equals("fr") ? "Ensemble" : "Overall", results);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new AuditReport(options.language(), options.os().code(), host(options.context()), start, ms, overall,
                sections, results, Scorer.actions(results), facts.all(), catalog.version(), eol.dataDate().toString());
    }

    /** Runs every collector (two at a time), turning a crash or an overrun into unavailable facts. */
    static Facts collect(List<Collector> collectors, CollectionContext ctx) {
        Facts facts = new Facts();
        ExecutorService pool = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, "hygie-audit-collector");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<Fact>>> futures = new ArrayList<>();
            for (Collector c : collectors) {
                futures.add(pool.submit(() -> c.collect(ctx)));
            }
            for (int i = 0; i < collectors.size(); i++) {
                Collector c = collectors.get(i);
                try {
                    futures.get(i).get(COLLECTOR_LIMIT.toMillis(), TimeUnit.MILLISECONDS).forEach(facts::add);
                } catch (TimeoutException e) {
                    futures.get(i).cancel(true);
                    failAll(facts, c, FactStatus.TIMEOUT, "collector " + c.id() + " took too long");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failAll(facts, c, FactStatus.TIMEOUT, "interrupted");
                } catch (Exception e) {
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    failAll(facts, c, FactStatus.ERROR, c.id() + ": " + cause);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return facts;
    }

    private static void failAll(Facts facts, Collector c, FactStatus status, String detail) {
        c.provides().forEach(id -> facts.add(Fact.unavailable(id, status, "collector " + c.id(), detail)));
    }

    private static String host(CollectionContext ctx) {
        for (String var : new String[] {"COMPUTERNAME", "HOSTNAME"}) {
            String v = ctx.env(var);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        FileRead r = ctx.files().read("/etc/hostname");
        return r.ok() && !r.text().isBlank() ? r.text().strip() : "?";
    }
}
