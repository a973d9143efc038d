package org.hygie.audit.collect.macos;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.CommandResult;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.collect.Outcomes;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;

/**
 * Wi-Fi from {@code system_profiler SPAirPortDataType}: the {@code Security:} line of the
 * {@code Current Network Information:} block (enough even when macOS 14.4+ redacts the network name).
 */
public final class MacosWifiCollector implements Collector {
    static final String COMMAND = "system_profiler SPAirPortDataType";

    @Override
    public String id() {
        return "macos.wifi";
    }

    @Override
    public Set<String> provides() {
        return Set.of("wifi.present", "wifi.connected", "wifi.security");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        CommandResult r = ctx.runner().run(org.hygie.audit.collect.Command.of(COMMAND.split(" "))
                .withTimeout(java.time.Duration.ofSeconds(15)));
        if (!r.ok()) {
            Fact bad = Outcomes.failed("wifi.present", COMMAND, r);
            return List.of(bad, bad.as("wifi.connected"), bad.as("wifi.security"));
        }
        String out = r.stdout();
        if (!out.contains("Interfaces:") || !out.contains("Card Type:")) {
            Fact na = Fact.unavailable("wifi.connected", FactStatus.NOT_APPLICABLE, COMMAND, "no Wi-Fi interface");
            return List.of(Fact.of("wifi.present", false, COMMAND), na, na.as("wifi.security"));
        }
        int current = out.indexOf("Current Network Information:");
        if (current < 0) {
            return List.of(Fact.of("wifi.present", true, COMMAND), Fact.of("wifi.connected", false, COMMAND),
                    Fact.unavailable("wifi.security", FactStatus.NOT_APPLICABLE, COMMAND, "not connected"));
        }
        String security = out.substring(current).lines().map(String::strip).filter(l -> l.startsWith("Security:"))
                .findFirst().map(l -> l.substring("Security:".length()).strip()).orElse("");
        return List.of(Fact.of("wifi.present", true, COMMAND), Fact.of("wifi.connected", true, COMMAND),
                Fact.of("wifi.security", normalise(security), COMMAND + " (Security:)"));
    }

    static String normalise(String s) {
        String t = s.toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("none") || t.equals("aucune")) {
            return "open";
        }
        if (t.contains("enterprise")) {
            return "enterprise";
        }
        if (t.contains("wpa3")) {
            return "wpa3";
        }
        if (t.contains("wpa2")) {
            return "wpa2";
        }
        if (t.contains("wpa")) {
            return "wpa";
        }
        return t.contains("wep") ? "wep" : t;
    }
}
