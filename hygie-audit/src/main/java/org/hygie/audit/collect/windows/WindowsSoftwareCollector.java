package org.hygie.audit.collect.windows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.collect.SoftwareRisks;
import org.hygie.audit.fact.Fact;

/**
 * Installed programs from the Uninstall keys (machine, 32-bit and user; system components skipped), checked
 * against the risk lists; Remote Desktop allowed ({@code fDenyTSConnections = 0}) counts as a way in.
 */
public final class WindowsSoftwareCollector implements Collector {
    static final String RDP = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server";
    private final SoftwareRisks risks = SoftwareRisks.builtIn();

    @Override
    public String id() {
        return "windows.software";
    }

    @Override
    public Set<String> provides() {
        return Set.of("software.count", "software.risky", "software.remote_access");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        WindowsBatch batch = WindowsBatch.of(ctx);
        WindowsBatch.Section installed = batch.section("installed", "Uninstall registry keys (HKLM, WOW6432Node, HKCU)");
        if (!installed.ok()) {
            return List.of(installed.fail("software.count"), installed.fail("software.risky"),
                    installed.fail("software.remote_access"));
        }
        List<String> names = new ArrayList<>();
        installed.node().forEach(n -> names.add(n.asText()));
        List<String> remote = new ArrayList<>(risks.remoteAccess(names));
        WindowsBatch.Section rdp = batch.registry(RDP);
        if (rdp.ok() && Long.valueOf(0).equals(rdp.number("fDenyTSConnections"))) {
            remote.add("Remote Desktop (RDP) allowed");
        }
        String src = installed.source();
        return List.of(Fact.of("software.count", (long) names.size(), src), Fact.of("software.risky", risks.risky(names), src),
                Fact.of("software.remote_access", remote, src + "; " + RDP + "\\fDenyTSConnections"));
    }
}
