package org.hygie.audit.collect.windows;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;

/**
 * Wi-Fi from {@code netsh wlan show interfaces}, whose labels are translated: the values are recognised instead
 * (WPA3-/WPA2-Personal, -Enterprise, Open/Ouvert, WEP), and the connection by the {@code connected}/{@code connecté}
 * state. Windows 11 24H2 answers only when location access is allowed to desktop apps: a refusal is unknown,
 * with the setting to turn on. No wireless interface, or the WLAN service stopped: no Wi-Fi.
 */
public final class WindowsWifiCollector implements Collector {
    static final String SOURCE = "netsh wlan show interfaces";

    @Override
    public String id() {
        return "windows.wifi";
    }

    @Override
    public Set<String> provides() {
        return Set.of("wifi.present", "wifi.connected", "wifi.security");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        WindowsBatch.Section s = WindowsBatch.of(ctx).section("netsh_wlan", SOURCE);
        if (!s.ok()) {
            return List.of(s.fail("wifi.present"), s.fail("wifi.connected"), s.fail("wifi.security"));
        }
        String text = s.text("text") == null ? "" : s.text("text");
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("location") || t.contains("emplacement") || t.contains("localisation")) {
            Fact denied = Fact.unavailable("wifi.connected", FactStatus.ACCESS_DENIED, SOURCE,
                    "location access for desktop apps is off (Settings > Privacy & security > Location)");
            return List.of(Fact.of("wifi.present", true, SOURCE), denied, denied.as("wifi.security"));
        }
        if (t.contains("wlansvc") || t.contains("no wireless interface") || t.contains("aucune interface sans fil")) {
            Fact na = Fact.unavailable("wifi.connected", FactStatus.NOT_APPLICABLE, SOURCE, "no Wi-Fi interface");
            return List.of(Fact.of("wifi.present", false, SOURCE), na, na.as("wifi.security"));
        }
        boolean connected = t.lines().anyMatch(l -> l.matches("\\s*(state|état|etat)\\s*:\\s*(connected|connecté)\\s*"));
        if (!connected) {
            return List.of(Fact.of("wifi.present", true, SOURCE), Fact.of("wifi.connected", false, SOURCE),
                    Fact.unavailable("wifi.security", FactStatus.NOT_APPLICABLE, SOURCE, "not connected"));
        }
        return List.of(Fact.of("wifi.present", true, SOURCE), Fact.of("wifi.connected", true, SOURCE),
                Fact.of("wifi.security", security(t), SOURCE));
    }

    static String security(String t) {
        if (t.contains("wpa3")) {
            return t.contains("enterprise") || t.contains("entreprise") ? "enterprise" : "wpa3";
        }
        if (t.contains("wpa2")) {
            return t.contains("enterprise") || t.contains("entreprise") ? "enterprise" : "wpa2";
        }
        if (t.contains("wpa-") || t.contains("wpa personal") || t.contains("wpa-personnel")) {
            return "wpa";
        }
        if (t.contains("wep")) {
            return "wep";
        }
        if (t.matches("(?s).*:\\s*(open|ouvert|ouverte)\\s*\\R.*")) {
            return "open";
        }
        return "unrecognised";
    }
}
