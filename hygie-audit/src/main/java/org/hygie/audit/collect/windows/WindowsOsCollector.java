package org.hygie.audit.collect.windows;

import java.util.List;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.fact.Fact;

/**
 * Windows release from {@code HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion}: {@code CurrentBuild} (22000 and
 * above is Windows 11, whatever {@code ProductName} says), {@code DisplayVersion}, {@code EditionID}. The build maps
 * to an end-of-support cycle: {@code -w} for Home/Pro, {@code -e} for Enterprise/Education, {@code -lts} for LTSC.
 */
public final class WindowsOsCollector implements Collector {
    static final String KEY = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";

    @Override
    public String id() {
        return "windows.os";
    }

    @Override
    public Set<String> provides() {
        return Set.of("os.family", "os.name", "os.product", "os.cycle", "os.version");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        WindowsBatch.Section os = WindowsBatch.of(ctx).section("os", KEY);
        Fact family = Fact.of("os.family", "windows", "java os.name");
        if (!os.ok()) {
            return List.of(family, os.fail("os.name"), os.fail("os.product"), os.fail("os.cycle"), os.fail("os.version"));
        }
        long build = os.number("CurrentBuild") == null ? 0 : os.number("CurrentBuild");
        String edition = os.text("EditionID") == null ? "" : os.text("EditionID");
        String display = os.text("DisplayVersion") == null ? "" : os.text("DisplayVersion");
        String major = build >= 22000 ? "11" : "10";
        String name = "Windows " + major + " " + edition + " " + display + " (build " + build
                + (os.number("UBR") != null ? "." + os.number("UBR") : "") + ")";
        return List.of(family, Fact.of("os.name", name.replaceAll(" +", " "), KEY), Fact.of("os.product", "windows", KEY),
                Fact.of("os.cycle", cycle(build, edition), KEY), Fact.of("os.version", major + " " + display, KEY));
    }

    static String cycle(long build, String edition) {
        String e = edition.toLowerCase(java.util.Locale.ROOT);
        String suffix = e.startsWith("enterprises") || e.startsWith("iotenterprises") ? "-lts"
                : e.startsWith("enterprise") || e.startsWith("education") || e.startsWith("iotenterprise") ? "-e" : "-w";
        if (build < 10240) {
            return "legacy";
        }
        if (build < 19045) {
            return "10-legacy";
        }
        String release;
        if (build < 22000) {
            release = "10-22h2";
        } else if (build < 22621) {
            release = "11-21h2";
        } else if (build < 22631) {
            release = "11-22h2";
        } else if (build < 26100) {
            release = "11-23h2";
        } else if (build < 26200) {
            release = "11-24h2";
        } else if (build < 28000) {
            release = "11-25h2";
        } else {
            release = "11-26h1";
        }
        return release + suffix;
    }
}
