package org.hygie.audit.collect.macos;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.CommandResult;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.collect.Outcomes;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;

/** The application firewall from {@code socketfilterfw --getglobalstate}: {@code ... (State = 1)}; 1 or 2 is on. */
public final class MacosFirewallCollector implements Collector {
    static final String COMMAND = "/usr/libexec/ApplicationFirewall/socketfilterfw --getglobalstate";
    private static final Pattern STATE = Pattern.compile("State = (\\d)");

    @Override
    public String id() {
        return "macos.firewall";
    }

    @Override
    public Set<String> provides() {
        return Set.of("firewall.enabled", "firewall.product");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        CommandResult r = ctx.run(COMMAND.split(" "));
        Matcher m = STATE.matcher(r.stdout());
        if (!r.ok() || !m.find()) {
            Fact bad = r.ok() ? Fact.unavailable("firewall.enabled", FactStatus.PARSE_ERROR, COMMAND, r.message())
                    : Outcomes.failed("firewall.enabled", COMMAND, r);
            return List.of(bad, bad.as("firewall.product"));
        }
        boolean on = !m.group(1).equals("0");
        return List.of(Fact.of("firewall.enabled", on, COMMAND),
                Fact.of("firewall.product", on ? "macOS application firewall" : "none", COMMAND));
    }
}
