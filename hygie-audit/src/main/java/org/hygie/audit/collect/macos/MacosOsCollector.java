package org.hygie.audit.collect.macos;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.CommandResult;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.collect.Outcomes;
import org.hygie.audit.fact.Fact;

/** macOS version from {@code sw_vers} ({@code ProductVersion: 14.6.1}); the major number is the support cycle. */
public final class MacosOsCollector implements Collector {
    private static final Map<String, String> NAMES = Map.of("11", "Big Sur", "12", "Monterey", "13", "Ventura",
            "14", "Sonoma", "15", "Sequoia", "26", "Tahoe");

    @Override
    public String id() {
        return "macos.os";
    }

    @Override
    public Set<String> provides() {
        return Set.of("os.family", "os.name", "os.product", "os.cycle", "os.version");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        Fact family = Fact.of("os.family", "macos", "java os.name");
        CommandResult r = ctx.run("sw_vers");
        String version = null;
        for (String line : r.stdout().split("\\R")) {
            if (line.startsWith("ProductVersion:")) {
                version = line.substring("ProductVersion:".length()).strip();
            }
        }
        if (!r.ok() || version == null || version.isEmpty()) {
            Fact bad = r.ok() ? Fact.unavailable("os.name", org.hygie.audit.fact.FactStatus.PARSE_ERROR, "sw_vers",
                    "no ProductVersion") : Outcomes.failed("os.name", "sw_vers", r);
            return List.of(family, bad, bad.as("os.product"), bad.as("os.cycle"), bad.as("os.version"));
        }
        String major = version.split("\\.")[0];
        String name = "macOS " + NAMES.getOrDefault(major, "") + " " + version;
        return List.of(family, Fact.of("os.name", name.replaceAll(" +", " "), "sw_vers"),
                Fact.of("os.product", "macos", "sw_vers"), Fact.of("os.cycle", major, "sw_vers"),
                Fact.of("os.version", version, "sw_vers"));
    }
}
