package org.hygie.audit.collect.macos;

import java.util.List;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.CommandResult;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.collect.Outcomes;
import org.hygie.audit.fact.Fact;

/**
 * Network time from {@code systemsetup -getusingnetworktime} ({@code Network Time: On}). It needs an administrator:
 * as a standard user it refuses ("You need administrator access..."), and the fact is unknown.
 */
public final class MacosTimeSyncCollector implements Collector {
    static final String COMMAND = "systemsetup -getusingnetworktime";

    @Override
    public String id() {
        return "macos.time-sync";
    }

    @Override
    public Set<String> provides() {
        return Set.of("time.sync_enabled", "time.sync_tool");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        CommandResult r = ctx.run(COMMAND.split(" "));
        if (r.ok() && r.stdout().contains("Network Time:")) {
            boolean on = r.stdout().contains("Network Time: On");
            return List.of(Fact.privileged("time.sync_enabled", on, COMMAND), Fact.of("time.sync_tool", "timed (NTP)", COMMAND));
        }
        Fact bad = Outcomes.failed("time.sync_enabled", COMMAND, r);
        return List.of(bad, bad.as("time.sync_tool"));
    }
}
