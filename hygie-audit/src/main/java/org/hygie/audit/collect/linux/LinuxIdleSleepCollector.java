package org.hygie.audit.collect.linux;

import java.util.List;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;

/**
 * How soon the computer sleeps when idle on mains power (GNOME):
 * {@code org.gnome.settings-daemon.plugins.power sleep-inactive-ac-type} ({@code 'nothing'} = never) and
 * {@code sleep-inactive-ac-timeout} (seconds). {@code sleep.idle_timeout_s} is 0 when it never sleeps.
 */
public final class LinuxIdleSleepCollector implements Collector {
    static final String POWER = "org.gnome.settings-daemon.plugins.power";

    @Override
    public String id() {
        return "linux.idle-sleep";
    }

    @Override
    public Set<String> provides() {
        return Set.of("sleep.idle_timeout_s");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        if (!Gsettings.sessionPresent(ctx)) {
            return List.of(Fact.unavailable("sleep.idle_timeout_s", FactStatus.NOT_APPLICABLE, "environment",
                    "no graphical session"));
        }
        Gsettings.Value type = Gsettings.get(ctx, POWER, "sleep-inactive-ac-type");
        if (!type.ok()) {
            return List.of(type.failure("sleep.idle_timeout_s"));
        }
        if (type.text().equals("nothing") || type.text().equals("blank")) {
            return List.of(Fact.of("sleep.idle_timeout_s", 0L, type.command()));
        }
        Gsettings.Value timeout = Gsettings.get(ctx, POWER, "sleep-inactive-ac-timeout");
        if (timeout.number() == null) {
            return List.of(timeout.failure("sleep.idle_timeout_s"));
        }
        return List.of(Fact.of("sleep.idle_timeout_s", timeout.number(), type.command() + " + " + timeout.command()));
    }
}
