package org.hygie.audit.collect.macos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.Command;
import org.hygie.audit.collect.CommandResult;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.collect.Outcomes;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;

/**
 * Wi-Fi from {@code system_profiler SPAirPortDataType -json}: its keys and codes are the same in every language
 * (the text output is translated), e.g. {@code spairport_security_mode_wpa2_personal} in the interface's
 * {@code spairport_current_network_information}. The security mode is enough even when macOS 14.4+ redacts the
 * network name.
 */
public final class MacosWifiCollector implements Collector {
    static final String COMMAND = "system_profiler SPAirPortDataType -json";

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
        CommandResult r = ctx.runner().run(Command.of(COMMAND.split(" ")).withTimeout(Duration.ofSeconds(15)));
        if (!r.ok()) {
            Fact bad = Outcomes.failed("wifi.present", COMMAND, r);
            return List.of(bad, bad.as("wifi.connected"), bad.as("wifi.security"));
        }
        JsonNode interfaces;
        try {
            interfaces = new ObjectMapper().readTree(r.stdout()).path("SPAirPortDataType").path(0)
                    .path("spairport_airport_interfaces");
        } catch (Exception e) {
            Fact bad = Fact.unavailable("wifi.present", FactStatus.PARSE_ERROR, COMMAND, e.getMessage());
            return List.of(bad, bad.as("wifi.connected"), bad.as("wifi.security"));
        }
        if (!interfaces.isArray() || interfaces.isEmpty()) {
            Fact na = Fact.unavailable("wifi.connected", FactStatus.NOT_APPLICABLE, COMMAND, "no Wi-Fi interface");
            return List.of(Fact.of("wifi.present", false, COMMAND), na, na.as("wifi.security"));
        }
        for (JsonNode i : interfaces) {
            JsonNode current = i.get("spairport_current_network_information");
            if (current != null) {
                return List.of(Fact.of("wifi.present", true, COMMAND), Fact.of("wifi.connected", true, COMMAND),
                        Fact.of("wifi.security", normalise(current.path("spairport_security_mode").asText("")),
                                COMMAND + " spairport_security_mode"));
            }
        }
        return List.of(Fact.of("wifi.present", true, COMMAND), Fact.of("wifi.connected", false, COMMAND),
                Fact.unavailable("wifi.security", FactStatus.NOT_APPLICABLE, COMMAND, "not connected"));
    }

    static String normalise(String mode) {
        String t = mode.toLowerCase(Locale.ROOT).replace("spairport_security_mode_", "");
        if (t.isEmpty() || t.equals("none")) {
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
        if (t.contains("owe")) {
            return "owe";
        }
        if (t.contains("wpa")) {
            return "wpa";
        }
        return t.contains("wep") ? "wep" : t;
    }
}
