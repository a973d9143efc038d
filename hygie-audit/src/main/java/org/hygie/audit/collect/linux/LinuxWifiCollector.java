package org.hygie.audit.collect.linux;

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
 * Wi-Fi: whether the machine has an adapter ({@code /sys/class/net/*\/wireless}), and the security of the network
 * in use from NetworkManager: {@code nmcli -t -f ACTIVE,SSID,SECURITY dev wifi list --rescan no} prints
 * {@code yes:Cabinet:WPA2} for the active one (empty security = open). The SSID is not kept.
 */
public final class LinuxWifiCollector implements Collector {
    static final String NMCLI = "nmcli -t -f ACTIVE,SECURITY dev wifi list --rescan no";

    @Override
    public String id() {
        return "linux.wifi";
    }

    @Override
    public Set<String> provides() {
        return Set.of("wifi.present", "wifi.connected", "wifi.security");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        boolean adapter = ctx.files().list("/sys/class/net").stream()
                .anyMatch(n -> ctx.files().exists("/sys/class/net/" + n + "/wireless"));
        Fact present = Fact.of("wifi.present", adapter, "/sys/class/net/*/wireless");
        if (!adapter) {
            Fact na = Fact.unavailable("wifi.connected", FactStatus.NOT_APPLICABLE, "/sys/class/net", "no Wi-Fi adapter");
            return List.of(present, na, na.as("wifi.security"));
        }
        CommandResult r = ctx.run(NMCLI.split(" "));
        if (!r.ok()) {
            Fact bad = Outcomes.failed("wifi.connected", NMCLI, r);
            return List.of(present, bad, bad.as("wifi.security"));
        }
        for (String line : r.stdout().split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equals("yes")) {
                return List.of(present, Fact.of("wifi.connected", true, NMCLI),
                        Fact.of("wifi.security", security(line.substring(colon + 1)), NMCLI));
            }
        }
        return List.of(present, Fact.of("wifi.connected", false, NMCLI),
                Fact.unavailable("wifi.security", FactStatus.NOT_APPLICABLE, NMCLI, "not connected to Wi-Fi"));
    }

    /** Normalises nmcli's security tokens (WPA1 WPA2 WPA3 WEP 802.1X OWE; empty or -- when open). */
    static String security(String tokens) {
        String t = tokens.toUpperCase(Locale.ROOT).strip();
        if (t.isEmpty() || t.equals("--")) {
            return "open";
        }
        if (t.contains("802.1X")) {
            return "enterprise";
        }
        if (t.contains("WPA3")) {
            return "wpa3";
        }
        if (t.contains("WPA2")) {
            return "wpa2";
        }
        if (t.contains("OWE")) {
            return "owe";
        }
        if (t.contains("WPA")) {
            return "wpa";
        }
        return t.contains("WEP") ? "wep" : t.toLowerCase(Locale.ROOT);
    }
}
