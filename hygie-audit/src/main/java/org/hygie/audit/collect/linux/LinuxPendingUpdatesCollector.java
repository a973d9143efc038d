package org.hygie.audit.collect.linux;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.Command;
import org.hygie.audit.collect.CommandResult;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.collect.Outcomes;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;

/**
 * Updates waiting to be installed, counted without network: {@code apt list --upgradable} on the package lists
 * already downloaded ({@code pkg/suite version arch [upgradable from: old]}, the security ones coming from a
 * {@code *-security} suite), or
 * {@code dnf -C check-update} on the cache. Also how old the lists are and whether a reboot is pending.
 */
public final class LinuxPendingUpdatesCollector implements Collector {
    static final String APT = "apt list --upgradable";
    static final String DNF = "dnf -q -C check-update";
    static final String DNF_SECURITY = "dnf -q -C check-update --security";

    @Override
    public String id() {
        return "linux.pending-updates";
    }

    @Override
    public Set<String> provides() {
        return Set.of("updates.pending_security", "updates.pending_total", "updates.lists_age_days",
                "updates.reboot_required");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        CommandResult apt = ctx.runner().run(Command.of(APT.split(" ")).withTimeout(Duration.ofSeconds(20)));
        if (apt.outcome() != CommandResult.Outcome.NOT_FOUND) {
            return apt(ctx, apt);
        }
        CommandResult dnf = ctx.runner().run(Command.of(DNF.split(" ")).withTimeout(Duration.ofSeconds(30)));
        if (dnf.outcome() != CommandResult.Outcome.NOT_FOUND) {
            return dnf(ctx, dnf);
        }
        Fact missing = Outcomes.failed("updates.pending_security", APT, apt);
        return List.of(missing, missing.as("updates.pending_total"), missing.as("updates.lists_age_days"),
                missing.as("updates.reboot_required"));
    }

    private List<Fact> apt(CollectionContext ctx, CommandResult r) {
        List<Fact> facts = new ArrayList<>();
        if (!r.ok()) {
            Fact bad = Outcomes.failed("updates.pending_security", APT, r);
            facts.add(bad);
            facts.add(bad.as("updates.pending_total"));
        } else {
            long total = 0;
            long security = 0;
            for (String line : r.stdout().split("\\R")) {
                if (line.contains("[upgradable from:")) {
                    total++;
                    if (line.split(" ")[0].toLowerCase(Locale.ROOT).contains("-security")) {
                        security++;
                    }
                }
            }
            facts.add(Fact.of("updates.pending_security", security, APT));
            facts.add(Fact.of("updates.pending_total", total, APT));
        }
        facts.add(listsAge(ctx, "/var/lib/apt/periodic/update-success-stamp", "/var/lib/apt/lists"));
        facts.add(Fact.of("updates.reboot_required", ctx.files().exists("/var/run/reboot-required")
                || ctx.files().exists("/run/reboot-required"), "/var/run/reboot-required"));
        return facts;
    }

    private List<Fact> dnf(CollectionContext ctx, CommandResult r) {
        List<Fact> facts = new ArrayList<>();
        // dnf check-update exits 100 when updates are available, 0 when none
        if (r.completed() && (r.exitCode() == 0 || r.exitCode() == 100)) {
            facts.add(Fact.of("updates.pending_total", packageLines(r.stdout()), DNF));
            CommandResult sec = ctx.runner().run(Command.of(DNF_SECURITY.split(" ")).withTimeout(Duration.ofSeconds(30)));
            facts.add(sec.completed() && (sec.exitCode() == 0 || sec.exitCode() == 100)
                    ? Fact.of("updates.pending_security", packageLines(sec.stdout()), DNF_SECURITY)
                    : Outcomes.failed("updates.pending_security", DNF_SECURITY, sec));
        } else {
            Fact bad = Outcomes.failed("updates.pending_total", DNF, r);
            facts.add(bad);
            facts.add(bad.as("updates.pending_security"));
        }
        facts.add(listsAge(ctx, "/var/cache/dnf/last_makecache", "/var/cache/dnf"));
        facts.add(Fact.unavailable("updates.reboot_required", FactStatus.NOT_APPLICABLE, "dnf",
                "not checked on dnf systems"));
        return facts;
    }

    private static long packageLines(String out) {
        return out.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && l.split("\\s+").length == 3 && !l.startsWith("Obsoleting")
                        && !l.startsWith("Last metadata") && !l.startsWith("Security:"))
                .count();
    }

    private static Fact listsAge(CollectionContext ctx, String stamp, String listsDir) {
        Optional<Instant> when = ctx.files().modified(stamp);
        String source = stamp;
        if (when.isEmpty()) {
            source = listsDir;
            when = ctx.files().list(listsDir).stream()
                    .filter(n -> n.endsWith("Release") || n.endsWith("InRelease") || n.endsWith(".solv"))
                    .map(n -> ctx.files().modified(listsDir + "/" + n)).flatMap(Optional::stream)
                    .max(Instant::compareTo);
        }
        if (when.isEmpty()) {
            return Fact.unavailable("updates.lists_age_days", FactStatus.NOT_SUPPORTED, source,
                    "package lists never downloaded");
        }
        return Fact.of("updates.lists_age_days", Duration.between(when.get(), ctx.clock().instant()).toDays(), source);
    }
}
