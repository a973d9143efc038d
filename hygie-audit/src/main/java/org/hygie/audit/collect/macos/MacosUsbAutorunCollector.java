package org.hygie.audit.collect.macos;

import java.util.List;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;

/** macOS mounts removable media but never runs code from it: autorun does not apply. */
public final class MacosUsbAutorunCollector implements Collector {
    @Override
    public String id() {
        return "macos.usb-autorun";
    }

    @Override
    public Set<String> provides() {
        return Set.of("usb.autorun_disabled", "usb.automount_open");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        Fact na = Fact.unavailable("usb.autorun_disabled", FactStatus.NOT_APPLICABLE, "macOS",
                "macOS never runs code from removable media");
        return List.of(na, na.as("usb.automount_open"));
    }
}
