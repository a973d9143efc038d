package org.hygie.audit.collect.macos;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.collect.SoftwareRisks;
import org.hygie.audit.fact.Fact;

/** Applications in {@code /Applications} and {@code ~/Applications}, checked against the risk lists. */
public final class MacosSoftwareCollector implements Collector {
    private final SoftwareRisks risks = SoftwareRisks.builtIn();

    @Override
    public String id() {
        return "macos.software";
    }

    @Override
    public Set<String> provides() {
        return Set.of("software.count", "software.risky", "software.remote_access");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        List<String> apps = new ArrayList<>();
        List<String> dirs = new ArrayList<>(List.of("/Applications"));
        if (ctx.env("HOME") != null) {
            dirs.add(ctx.env("HOME") + "/Applications");
        }
        for (String dir : dirs) {
            ctx.files().list(dir).stream().filter(n -> n.endsWith(".app"))
                    .map(n -> n.substring(0, n.length() - 4)).forEach(apps::add);
        }
        String src = String.join(", ", dirs);
        return List.of(Fact.of("software.count", (long) apps.size(), src), Fact.of("software.risky", risks.risky(apps), src),
                Fact.of("software.remote_access", risks.remoteAccess(apps), src));
    }
}
