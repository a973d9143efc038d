package org.hygie.audit.collect.linux;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.collect.FileRead;
import org.hygie.audit.collect.KeyValues;
import org.hygie.audit.collect.Outcomes;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;

/** The distribution and release, from {@code /etc/os-release} (or {@code /usr/lib/os-release}). */
public final class LinuxOsCollector implements Collector {
    private static final List<String> IDS = List.of("os.family", "os.name", "os.product", "os.cycle", "os.version");

    @Override
    public String id() {
        return "linux.os";
    }

    @Override
    public Set<String> provides() {
        return Set.copyOf(IDS);
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        String path = "/etc/os-release";
        FileRead read = ctx.files().read(path);
        if (read.status() == FileRead.Status.MISSING) {
            path = "/usr/lib/os-release";
            read = ctx.files().read(path);
        }
        Fact family = Fact.of("os.family", "linux", "java os.name");
        if (!read.ok()) {
            Fact bad = Outcomes.unreadable("os.name", path, read);
            return List.of(family, bad, bad.as("os.product"), bad.as("os.cycle"), bad.as("os.version"));
        }
        Map<String, String> v = KeyValues.parse(read.text());
        String id = v.getOrDefault("ID", "linux").toLowerCase(Locale.ROOT);
        String name = v.getOrDefault("PRETTY_NAME", v.getOrDefault("NAME", "Linux"));
        String version = v.get("VERSION_ID");
        Fact versionFact = version == null
                ? Fact.unavailable("os.version", FactStatus.NOT_SUPPORTED, path, "no VERSION_ID (rolling or testing release)")
                : Fact.of("os.version", version, path);
        return List.of(family, Fact.of("os.name", name, path), Fact.of("os.product", id, path),
                version == null ? versionFact.as("os.cycle") : Fact.of("os.cycle", version, path), versionFact);
    }
}
