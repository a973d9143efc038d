package org.hygie.audit.collect.windows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.fact.Fact;

/**
 * The shortest way the Windows session really locks: the machine inactivity limit ({@code InactivityTimeoutSecs}
 * policy), a secure screen saver (policy values override the user's), or sleep with sign-in on wake
 * ({@code powercfg} STANDBYIDLE with CONSOLELOCK = 1). Switching the display off does not lock. No such path:
 * the lock is off.
 */
public final class WindowsScreenLockCollector implements Collector {
    static final String SYSTEM = "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System";
    static final String DESKTOP = "HKCU\\Control Panel\\Desktop";
    static final String DESKTOP_POLICY = "HKCU\\Software\\Policies\\Microsoft\\Windows\\Control Panel\\Desktop";

    @Override
    public String id() {
        return "windows.screen-lock";
    }

    @Override
    public Set<String> provides() {
        return Set.of("desktop.present", "lock.enabled", "lock.effective_timeout_s");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        WindowsBatch batch = WindowsBatch.of(ctx);
        Fact desktop = Fact.of("desktop.present", true, "Windows desktop");
        WindowsBatch.Section user = batch.registry(DESKTOP);
        if (!user.ok() && !user.notFound()) {
            return List.of(desktop, user.fail("lock.enabled"), user.fail("lock.effective_timeout_s"));
        }
        List<Long> paths = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        WindowsBatch.Section system = batch.registry(SYSTEM);
        Long inactivity = system.ok() ? system.number("InactivityTimeoutSecs") : null;
        if (inactivity != null && inactivity > 0) {
            paths.add(inactivity);
            sources.add(SYSTEM + "\\InactivityTimeoutSecs");
        }
        WindowsBatch.Section policy = batch.registry(DESKTOP_POLICY);
        String active = pick(policy, user, "ScreenSaveActive");
        String secure = pick(policy, user, "ScreenSaverIsSecure");
        String timeout = pick(policy, user, "ScreenSaveTimeOut");
        if ("1".equals(active) && "1".equals(secure) && timeout != null && timeout.matches("\\d+")
                && Long.parseLong(timeout) > 0) {
            paths.add(Long.parseLong(timeout));
            sources.add(DESKTOP + " (screen saver, secure)");
        }
        WindowsBatch.Section power = batch.section("powercfg", "powercfg /q");
        if (power.ok()) {
            Long standby = PowerSetting.ac(power.text("standby"));
            Long consoleLock = PowerSetting.ac(power.text("consolelock"));
            if (standby != null && standby > 0 && (consoleLock == null || consoleLock == 1)) {
                paths.add(standby);
                sources.add("powercfg STANDBYIDLE + CONSOLELOCK");
            }
        }
        String source = sources.isEmpty() ? SYSTEM + "; " + DESKTOP + "; powercfg" : String.join("; ", sources);
        if (paths.isEmpty()) {
            return List.of(desktop, Fact.of("lock.enabled", false, source),
                    Fact.of("lock.effective_timeout_s", 0L, source));
        }
        return List.of(desktop, Fact.of("lock.enabled", true, source),
                Fact.of("lock.effective_timeout_s", paths.stream().min(Long::compare).orElseThrow(), source));
    }

    private static String pick(WindowsBatch.Section policy, WindowsBatch.Section user, String name) {
        String p = policy.ok() ? policy.text(name) : null;
        return p != null ? p : user.ok() ? user.text(name) : null;
    }
}
