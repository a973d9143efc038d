package org.hygie.audit.collect.linux;

import java.util.List;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;

/**
 * What the desktop does when a USB key is plugged in: {@code org.gnome.desktop.media-handling autorun-never}
 * (true on GNOME 45 and later by default, false before) and {@code automount-open}. gsettings reports the
 * effective value, defaults included. Without a desktop session nothing mounts or opens a key by itself.
 */
public final class LinuxUsbAutorunCollector implements Collector {
    static final String MEDIA = "org.gnome.desktop.media-handling";

    @Override
    public String id() {
        return "linux.usb-autorun";
    }

    @Override
    public Set<String> provides() {
        return Set.of("usb.autorun_disabled", "usb.automount_open");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        if (!Gsettings.sessionPresent(ctx)) {
            Fact na = Fact.unavailable("usb.autorun_disabled", FactStatus.NOT_APPLICABLE, "environment",
                    "no graphical session");
            return List.of(na, na.as("usb.automount_open"));
        }
        return List.of(Gsettings.get(ctx, MEDIA, "autorun-never").bool("usb.autorun_disabled"),
                Gsettings.get(ctx, MEDIA, "automount-open").bool("usb.automount_open"));
    }
}
