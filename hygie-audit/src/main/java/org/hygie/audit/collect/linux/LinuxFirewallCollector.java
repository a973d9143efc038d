package org.hygie.audit.collect.linux;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.CommandResult;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.collect.FileRead;
import org.hygie.audit.collect.KeyValues;
import org.hygie.audit.collect.Outcomes;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;

/**
 * Whether a firewall filters incoming traffic: ufw ({@code ENABLED=yes} in the world-readable
 * {@code /etc/ufw/ufw.conf}), firewalld and nftables (systemd unit active, or the daemon running), and the live
 * rule set ({@code nft list ruleset}, {@code iptables -S}) when readable. A refusal (polkit, not root) is
 * never read as "off": with no firewall confirmed active and one answer refused, the fact is unknown.
 * With no firewall installed at all, it is off.
 */
public final class LinuxFirewallCollector implements Collector {

    @Override
    public String id() {
        return "linux.firewall";
    }

    @Override
    public Set<String> provides() {
        return Set.of("firewall.enabled", "firewall.product");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        List<String> active = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        Fact refused = null;
        boolean installed = false;
        Set<String> processes = Processes.names(ctx.files());

        FileRead ufw = ctx.files().read("/etc/ufw/ufw.conf");
        if (ufw.ok()) {
            installed = true;
            sources.add("/etc/ufw/ufw.conf");
            if (KeyValues.truthy(KeyValues.parse(ufw.text()).get("ENABLED"))) {
                active.add("ufw");
            }
        }
        for (Map.Entry<String, String> unit : Map.of("firewalld", "/usr/sbin/firewalld",
                "nftables", "/usr/sbin/nft").entrySet()) {
            if (!ctx.files().exists(unit.getValue())) {
                continue;
            }
            installed = true;
            Systemd.UnitState s = Systemd.isActive(ctx, unit.getKey());
            sources.add(s.command());
            if (s.is("active") || unit.getKey().equals("firewalld") && processes.contains("firewalld")) {
                active.add(unit.getKey());
            } else if (!s.answered() && refused == null) {
                refused = Outcomes.failed("firewall.enabled", s.command(), s.result());
            }
        }
        if (active.isEmpty()) {
            CommandResult nft = ctx.run("nft", "list", "ruleset");
            CommandResult ipt = ctx.run("iptables", "-S");
            if (nft.ok() && nft.stdout().contains("hook input")) {
                active.add("nftables rules");
            } else if (ipt.ok() && hasFilterRules(ipt.stdout())) {
                active.add("iptables rules");
            }
            for (CommandResult r : List.of(nft, ipt)) {
                String cmd = r == nft ? "nft list ruleset" : "iptables -S";
                if (r.outcome() != CommandResult.Outcome.NOT_FOUND) {
                    installed = true;
                    sources.add(cmd);
                    if (!r.ok() && refused == null && Outcomes.statusOf(r) != FactStatus.ERROR) {
                        refused = Outcomes.failed("firewall.enabled", cmd, r);
                    }
                }
            }
        }
        String source = sources.isEmpty() ? "ufw, firewalld, nftables, iptables: none installed" : String.join("; ", sources);
        if (!active.isEmpty()) {
            return List.of(Fact.of("firewall.enabled", true, source),
                    Fact.of("firewall.product", String.join(", ", active), source));
        }
        if (refused != null) {
            return List.of(refused, refused.as("firewall.product"));
        }
        return List.of(Fact.of("firewall.enabled", false, source),
                Fact.of("firewall.product", installed ? "installed but inactive" : "none", source));
    }

    private static boolean hasFilterRules(String rules) {
        return rules.lines().anyMatch(l -> l.startsWith("-A INPUT") || l.equals("-P INPUT DROP")
                || l.equals("-P INPUT REJECT"));
    }
}
