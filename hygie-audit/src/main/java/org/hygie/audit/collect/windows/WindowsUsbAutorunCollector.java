package org.hygie.audit.collect.windows;

import java.util.List;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.fact.Fact;

/**
 * AutoRun and AutoPlay. Since Windows 7, {@code autorun.inf} on USB drives is ignored, so AutoRun is off for keys;
 * what remains is AutoPlay's prompt, off when a policy sets {@code NoDriveTypeAutoRun = 255} or {@code NoAutorun = 1}
 * (machine or user), or the user toggle {@code AutoplayHandlers\DisableAutoplay = 1}.
 */
public final class WindowsUsbAutorunCollector implements Collector {
    static final String HKLM = "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\Explorer";
    static final String HKCU = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Policies\\Explorer";
    static final String TOGGLE = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\AutoplayHandlers";

    @Override
    public String id() {
        return "windows.usb-autorun";
    }

    @Override
    public Set<String> provides() {
        return Set.of("usb.autorun_disabled", "usb.automount_open");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        WindowsBatch batch = WindowsBatch.of(ctx);
        boolean policyOff = false;
        for (String key : new String[] {HKLM, HKCU}) {
            WindowsBatch.Section s = batch.registry(key);
            if (s.ok() && (Long.valueOf(255).equals(s.number("NoDriveTypeAutoRun"))
                    || Long.valueOf(1).equals(s.number("NoAutorun")))) {
                policyOff = true;
            }
        }
        WindowsBatch.Section toggle = batch.registry(TOGGLE);
        if (!toggle.ok() && !toggle.notFound() && !policyOff) {
            return List.of(Fact.of("usb.autorun_disabled", true, "autorun.inf ignored on USB drives since Windows 7"),
                    toggle.fail("usb.automount_open"));
        }
        boolean autoplayOff = policyOff || toggle.ok() && Long.valueOf(1).equals(toggle.number("DisableAutoplay"));
        String src = HKLM + "; " + HKCU + "; " + TOGGLE + "\\DisableAutoplay";
        return List.of(Fact.of("usb.autorun_disabled", true, "autorun.inf ignored on USB drives since Windows 7"),
                Fact.of("usb.automount_open", !autoplayOff, src));
    }
}
