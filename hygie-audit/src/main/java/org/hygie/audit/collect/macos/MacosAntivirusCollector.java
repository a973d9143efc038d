package org.hygie.audit.collect.macos;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.CommandResult;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;

/**
 * Antivirus on macOS: a third-party Endpoint Security extension active in {@code systemextensionsctl list}
 * ({@code [activated enabled]}); otherwise the built-in XProtect, whose data age is the modification time of its
 * bundle's {@code Info.plist}.
 */
public final class MacosAntivirusCollector implements Collector {
    static final String XPROTECT = "/Library/Apple/System/Library/CoreServices/XProtect.bundle/Contents/Info.plist";
    static final String EXTENSIONS = "systemextensionsctl list";

    @Override
    public String id() {
        return "macos.antivirus";
    }

    @Override
    public Set<String> provides() {
        return Set.of("av.present", "av.product", "av.enabled", "av.realtime", "av.builtin_only", "av.signature_age_h");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        CommandResult ext = ctx.run(EXTENSIONS.split(" "));
        Optional<String> thirdParty = ext.ok() ? ext.stdout().lines()
                .filter(l -> l.contains("[activated enabled]") && !l.contains("com.apple."))
                .map(MacosAntivirusCollector::extensionName).findFirst() : Optional.empty();
        if (thirdParty.isPresent()) {
            return List.of(Fact.of("av.present", true, EXTENSIONS), Fact.of("av.product", thirdParty.get(), EXTENSIONS),
                    Fact.of("av.enabled", true, EXTENSIONS), Fact.of("av.realtime", true, EXTENSIONS),
                    Fact.of("av.builtin_only", false, EXTENSIONS),
                    Fact.unavailable("av.signature_age_h", FactStatus.NOT_SUPPORTED, EXTENSIONS,
                            "signature age of third-party antivirus not read yet"));
        }
        Optional<java.time.Instant> xprotect = ctx.files().modified(XPROTECT);
        if (xprotect.isEmpty()) {
            Fact none = Fact.unavailable("av.enabled", FactStatus.NOT_APPLICABLE, XPROTECT, "no antivirus");
            return List.of(Fact.of("av.present", false, EXTENSIONS + "; " + XPROTECT), Fact.of("av.product", "none", XPROTECT),
                    none, none.as("av.realtime"), none.as("av.builtin_only"), none.as("av.signature_age_h"));
        }
        String src = XPROTECT + " (modification time)";
        return List.of(Fact.of("av.present", true, src), Fact.of("av.product", "XProtect", src),
                Fact.of("av.enabled", true, src), Fact.of("av.realtime", true, src),
                Fact.of("av.builtin_only", true, EXTENSIONS),
                Fact.of("av.signature_age_h", Duration.between(xprotect.get(), ctx.clock().instant()).toHours(), src));
    }

    private static String extensionName(String line) {
        String[] f = line.split("\\t");
        for (int i = f.length - 1; i >= 0; i--) {
            String part = f[i].strip();
            if (!part.isEmpty() && !part.startsWith("[")) {
                return part.replaceAll("\\s*\\(.*\\)$", "");
            }
        }
        return line.strip();
    }
}
