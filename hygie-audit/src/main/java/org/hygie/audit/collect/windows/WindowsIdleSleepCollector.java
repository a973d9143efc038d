package org.hygie.audit.collect.windows;

import java.util.List;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;

/** Sleep on mains power after inactivity: {@code powercfg /q SCHEME_CURRENT SUB_SLEEP STANDBYIDLE} (0 = never). */
public final class WindowsIdleSleepCollector implements Collector {
    @Override
    public String id() {
        return "windows.idle-sleep";
    }

    @Override
    public Set<String> provides() {
        return Set.of("sleep.idle_timeout_s");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        WindowsBatch.Section power = WindowsBatch.of(ctx).section("powercfg", "powercfg /q SUB_SLEEP STANDBYIDLE");
        if (!power.ok()) {
            return List.of(power.fail("sleep.idle_timeout_s"));
        }
        Long standby = PowerSetting.ac(power.text("standby"));
        return List.of(standby == null
                ? Fact.unavailable("sleep.idle_timeout_s", FactStatus.PARSE_ERROR, power.source(), "no setting index")
                : Fact.of("sleep.idle_timeout_s", standby, power.source() + " (AC)"));
    }
}
