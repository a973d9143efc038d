package org.hygie.audit.collect.macos;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.CommandResult;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.collect.Outcomes;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;

/**
 * Screen lock on macOS: whether a password is asked after the screen saver or display sleep, and after what delay
 * ({@code sysadminctl -screenLock status}, which answers on standard error), and when the screen saver starts
 * ({@code defaults -currentHost read com.apple.screensaver idleTime}, seconds, 0 = never) or the display sleeps
 * ({@code pmset -g custom}, AC {@code displaysleep} in minutes). The lock comes at the sooner of the two plus the delay.
 */
public final class MacosScreenLockCollector implements Collector {
    static final String SYSADMINCTL = "sysadminctl -screenLock status";
    static final String IDLE = "defaults -currentHost read com.apple.screensaver idleTime";
    private static final Pattern DELAY = Pattern.compile("screenLock delay is (\\d+) seconds?");

    @Override
    public String id() {
        return "macos.screen-lock";
    }

    @Override
    public Set<String> provides() {
        return Set.of("desktop.present", "lock.enabled", "lock.effective_timeout_s");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        Fact desktop = Fact.of("desktop.present", true, "macOS desktop");
        CommandResult lock = ctx.run(SYSADMINCTL.split(" "));
        String said = lock.stderr() + "\n" + lock.stdout();
        Long delay;
        if (said.contains("screenLock is off")) {
            return List.of(desktop, Fact.of("lock.enabled", false, SYSADMINCTL + " (stderr)"),
                    Fact.of("lock.effective_timeout_s", 0L, SYSADMINCTL));
        } else if (said.contains("screenLock delay is immediate")) {
            delay = 0L;
        } else {
            Matcher m = DELAY.matcher(said);
            if (!lock.completed() || !m.find()) {
                Fact bad = lock.completed() ? Fact.unavailable("lock.enabled", FactStatus.PARSE_ERROR, SYSADMINCTL,
                        lock.message()) : Outcomes.failed("lock.enabled", SYSADMINCTL, lock);
                return List.of(desktop, bad, bad.as("lock.effective_timeout_s"));
            }
            delay = Long.parseLong(m.group(1));
        }
        Fact enabled = Fact.of("lock.enabled", true, SYSADMINCTL + " (stderr)");
        CommandResult idle = ctx.run(IDLE.split(" "));
        Long screensaver = idle.ok() && idle.stdout().strip().matches("\\d+") ? Long.parseLong(idle.stdout().strip()) : null;
        CommandResult pm = ctx.run("pmset", "-g", "custom");
        Map<String, Long> ac = pm.ok() ? PmsetText.acPower(pm.stdout()) : Map.of();
        Long display = ac.containsKey("displaysleep") ? ac.get("displaysleep") * 60 : null;
        if (screensaver == null && display == null) {
            Fact bad = pm.ok() ? Fact.unavailable("lock.effective_timeout_s", FactStatus.PARSE_ERROR, "pmset -g custom",
                    "no displaysleep") : Outcomes.failed("lock.effective_timeout_s", "pmset -g custom", pm);
            return List.of(desktop, enabled, bad);
        }
        long soonest = Long.MAX_VALUE;
        for (Long v : new Long[] {screensaver, display}) {
            if (v != null && v > 0) {
                soonest = Math.min(soonest, v);
            }
        }
        long effective = soonest == Long.MAX_VALUE ? 0 : soonest + delay;
        return List.of(desktop, enabled, Fact.of("lock.effective_timeout_s", effective,
                IDLE + "; pmset -g custom displaysleep; " + SYSADMINCTL));
    }
}
