package org.hygie.audit.collect.windows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.fact.Fact;

/**
 * Windows firewall: the three profiles from {@code Get-NetFirewallProfile} (registry {@code EnableFirewall} per
 * profile when the cmdlet failed), and a third-party firewall registered in SecurityCenter2. The firewall is on
 * when a profile is on or a third-party one is; profiles left off are listed.
 */
public final class WindowsFirewallCollector implements Collector {
    static final String POLICY = "HKLM\\SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Parameters\\FirewallPolicy\\";

    @Override
    public String id() {
        return "windows.firewall";
    }

    @Override
    public Set<String> provides() {
        return Set.of("firewall.enabled", "firewall.product", "firewall.profiles_off");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        WindowsBatch batch = WindowsBatch.of(ctx);
        List<String> thirdParty = new ArrayList<>();
        WindowsBatch.Section products = batch.section("firewall_products", "SecurityCenter2 FirewallProduct");
        if (products.ok()) {
            for (JsonNode p : products.node()) {
                if (SecurityCenterState.on(p.path("productState").asLong())) {
                    thirdParty.add(p.path("displayName").asText());
                }
            }
        }
        List<String> on = new ArrayList<>();
        List<String> off = new ArrayList<>();
        String source;
        WindowsBatch.Section profiles = batch.section("firewall_profiles", "Get-NetFirewallProfile");
        if (profiles.ok()) {
            source = profiles.source();
            for (JsonNode p : profiles.node()) {
                (p.path("Enabled").asBoolean() ? on : off).add(p.path("Name").asText());
            }
        } else {
            source = POLICY + "*\\EnableFirewall";
            String[][] names = {{"DomainProfile", "Domain"}, {"StandardProfile", "Private"}, {"PublicProfile", "Public"}};
            for (String[] n : names) {
                WindowsBatch.Section key = batch.registry(POLICY + n[0]);
                if (!key.ok() || key.number("EnableFirewall") == null) {
                    if (thirdParty.isEmpty()) {
                        return List.of(profiles.fail("firewall.enabled"), profiles.fail("firewall.product"),
                                profiles.fail("firewall.profiles_off"));
                    }
                    continue;
                }
                (key.number("EnableFirewall") == 1 ? on : off).add(n[1]);
            }
        }
        List<String> product = new ArrayList<>(thirdParty);
        if (!on.isEmpty()) {
            product.add("Windows Defender Firewall (" + String.join(", ", on) + ")");
        }
        boolean enabled = !product.isEmpty();
        String src = thirdParty.isEmpty() ? source : source + "; SecurityCenter2 FirewallProduct";
        return List.of(Fact.of("firewall.enabled", enabled, src),
                Fact.of("firewall.product", enabled ? String.join(", ", product) : "none", src),
                Fact.of("firewall.profiles_off", thirdParty.isEmpty() ? off : List.of(), src));
    }
}
