package org.hygie.audit.collect.macos;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.CommandResult;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.collect.Outcomes;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;

/** System sleep on mains power from {@code pmset -g custom} ({@code sleep} in minutes, 0 = never). */
public final class MacosIdleSleepCollector implements Collector {
    @Override
    public String id() {
        return "macos.idle-sleep";
    }

    @Override
    public Set<String> provides() {
        return Set.of("sleep.idle_timeout_s");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        CommandResult pm = ctx.run("pmset", "-g", "custom");
        if (!pm.ok()) {
            return List.of(Outcomes.failed("sleep.idle_timeout_s", "pmset -g custom", pm));
        }
        Map<String, Long> ac = PmsetText.acPower(pm.stdout());
        return List.of(ac.containsKey("sleep")
                ? Fact.of("sleep.idle_timeout_s", ac.get("sleep") * 60, "pmset -g custom (AC Power: sleep)")
                : Fact.unavailable("sleep.idle_timeout_s", FactStatus.PARSE_ERROR, "pmset -g custom", "no AC sleep value"));
    }
}
