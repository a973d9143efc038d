package org.hygie.audit.collect.linux;

import java.util.List;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;

/**
 * Whether a desktop session is there, and how soon it locks (GNOME and its derivatives):
 * {@code org.gnome.desktop.session idle-delay} (0 = never idle), {@code org.gnome.desktop.screensaver
 * lock-enabled} and {@code lock-delay}, {@code org.gnome.desktop.lockdown disable-lock-screen}.
 * {@code lock.effective_timeout_s} is idle delay plus lock delay, 0 when the screen never locks by itself.
 */
public final class LinuxScreenLockCollector implements Collector {
    static final String SCREENSAVER = "org.gnome.desktop.screensaver";

    @Override
    public String id() {
        return "linux.screen-lock";
    }

    @Override
    public Set<String> provides() {
        return Set.of("desktop.present", "lock.enabled", "lock.effective_timeout_s");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        if (!Gsettings.sessionPresent(ctx)) {
            Fact none = Fact.unavailable("lock.enabled", FactStatus.NOT_APPLICABLE, "environment",
                    "no graphical session");
            return List.of(Fact.of("desktop.present", false, "environment (DISPLAY, WAYLAND_DISPLAY, D-Bus session)"),
                    none, none.as("lock.effective_timeout_s"));
        }
        Fact desktop = Fact.of("desktop.present", true, "environment (DISPLAY, WAYLAND_DISPLAY, D-Bus session)");
        Gsettings.Value enabled = Gsettings.get(ctx, SCREENSAVER, "lock-enabled");
        Gsettings.Value idle = Gsettings.get(ctx, "org.gnome.desktop.session", "idle-delay");
        Gsettings.Value delay = Gsettings.get(ctx, SCREENSAVER, "lock-delay");
        Gsettings.Value lockdown = Gsettings.get(ctx, "org.gnome.desktop.lockdown", "disable-lock-screen");
        Fact lockEnabled = enabled.bool("lock.enabled");
        if (lockEnabled.available() && lockdown.ok() && lockdown.text().equals("true")) {
            lockEnabled = Fact.of("lock.enabled", false, lockdown.command());
        }
        Fact timeout;
        if (idle.number() == null) {
            timeout = idle.failure("lock.effective_timeout_s");
        } else if (idle.number() == 0) {
            timeout = Fact.of("lock.effective_timeout_s", 0L, idle.command());
        } else if (delay.number() == null) {
            timeout = delay.failure("lock.effective_timeout_s");
        } else {
            timeout = Fact.of("lock.effective_timeout_s", idle.number() + delay.number(),
                    idle.command() + " + " + delay.command());
        }
        return List.of(desktop, lockEnabled, timeout);
    }
}
