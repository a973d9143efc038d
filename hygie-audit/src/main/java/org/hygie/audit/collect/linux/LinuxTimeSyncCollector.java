package org.hygie.audit.collect.linux;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.CommandResult;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.collect.KeyValues;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;

/**
 * Clock synchronisation: {@code timedatectl show -p NTP -p NTPSynchronized} (systemd-timesyncd or chrony behind
 * it). Where systemd is not running, the NTP daemons among the running processes (chronyd, ntpd,
 * systemd-timesyncd) tell whether synchronisation is on; whether it succeeded is then not known.
 */
public final class LinuxTimeSyncCollector implements Collector {
    static final String TIMEDATECTL = "timedatectl show -p NTP -p NTPSynchronized";
    private static final Map<String, String> DAEMONS = Map.of("chronyd", "chrony", "ntpd", "ntpd",
            "systemd-timesyn", "systemd-timesyncd", "openntpd", "openntpd", "ntpsec", "ntpsec");

    @Override
    public String id() {
        return "linux.time-sync";
    }

    @Override
    public Set<String> provides() {
        return Set.of("time.sync_enabled", "time.synchronized", "time.sync_tool");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        CommandResult r = ctx.run(TIMEDATECTL.split(" "));
        if (r.ok()) {
            Map<String, String> v = KeyValues.parse(r.stdout());
            if (v.containsKey("NTP")) {
                return List.of(Fact.of("time.sync_enabled", KeyValues.truthy(v.get("NTP")), TIMEDATECTL),
                        v.containsKey("NTPSynchronized")
                                ? Fact.of("time.synchronized", KeyValues.truthy(v.get("NTPSynchronized")), TIMEDATECTL)
                                : Fact.unavailable("time.synchronized", FactStatus.PARSE_ERROR, TIMEDATECTL, "no NTPSynchronized"),
                        Fact.of("time.sync_tool", "timedatectl", TIMEDATECTL));
            }
        }
        String source = "/proc/*/comm (chronyd, ntpd, systemd-timesyncd)"
                + (r.outcome() == CommandResult.Outcome.NOT_FOUND ? "" : "; " + TIMEDATECTL + ": " + r.message());
        String daemon = Processes.names(ctx.files()).stream().filter(DAEMONS::containsKey).map(DAEMONS::get)
                .findFirst().orElse(null);
        Fact unknownSync = Fact.unavailable("time.synchronized", FactStatus.NOT_APPLICABLE, source,
                "synchronisation state not readable without timedatectl");
        if (daemon != null) {
            return List.of(Fact.of("time.sync_enabled", true, source), unknownSync,
                    Fact.of("time.sync_tool", daemon, source));
        }
        return List.of(Fact.of("time.sync_enabled", false, source), unknownSync,
                Fact.of("time.sync_tool", "none", source));
    }
}
