package org.hygie.audit.collect;

import java.util.List;
import org.hygie.audit.collect.linux.LinuxAccountsCollector;
import org.hygie.audit.collect.linux.LinuxAntivirusCollector;
import org.hygie.audit.collect.linux.LinuxAutoUpdatesCollector;
import org.hygie.audit.collect.linux.LinuxDiskEncryptionCollector;
import org.hygie.audit.collect.linux.LinuxFirewallCollector;
import org.hygie.audit.collect.linux.LinuxIdleSleepCollector;
import org.hygie.audit.collect.linux.LinuxLoginScreenCollector;
import org.hygie.audit.collect.linux.LinuxOsCollector;
import org.hygie.audit.collect.linux.LinuxPendingUpdatesCollector;
import org.hygie.audit.collect.linux.LinuxScreenLockCollector;
import org.hygie.audit.collect.linux.LinuxSoftwareCollector;
import org.hygie.audit.collect.linux.LinuxTimeSyncCollector;
import org.hygie.audit.collect.linux.LinuxUsbAutorunCollector;
import org.hygie.audit.collect.linux.LinuxWifiCollector;
import org.hygie.audit.collect.macos.MacosAccountsCollector;
import org.hygie.audit.collect.macos.MacosAntivirusCollector;
import org.hygie.audit.collect.macos.MacosFileVaultCollector;
import org.hygie.audit.collect.macos.MacosFirewallCollector;
import org.hygie.audit.collect.macos.MacosIdleSleepCollector;
import org.hygie.audit.collect.macos.MacosOsCollector;
import org.hygie.audit.collect.macos.MacosScreenLockCollector;
import org.hygie.audit.collect.macos.MacosSoftwareCollector;
import org.hygie.audit.collect.macos.MacosTimeSyncCollector;
import org.hygie.audit.collect.macos.MacosUpdatesCollector;
import org.hygie.audit.collect.macos.MacosUsbAutorunCollector;
import org.hygie.audit.collect.macos.MacosWifiCollector;
import org.hygie.audit.collect.windows.WindowsAccountsCollector;
import org.hygie.audit.collect.windows.WindowsAntivirusCollector;
import org.hygie.audit.collect.windows.WindowsBitLockerCollector;
import org.hygie.audit.collect.windows.WindowsFirewallCollector;
import org.hygie.audit.collect.windows.WindowsIdleSleepCollector;
import org.hygie.audit.collect.windows.WindowsOsCollector;
import org.hygie.audit.collect.windows.WindowsScreenLockCollector;
import org.hygie.audit.collect.windows.WindowsSoftwareCollector;
import org.hygie.audit.collect.windows.WindowsTimeSyncCollector;
import org.hygie.audit.collect.windows.WindowsUpdatesCollector;
import org.hygie.audit.collect.windows.WindowsUsbAutorunCollector;
import org.hygie.audit.collect.windows.WindowsWifiCollector;

/** The collectors of each OS. The slowest ones come first so that they start early. */
public final class PlatformCollectors {
    private PlatformCollectors() {
    }

    public static List<Collector> forOs(OsFamily os) {
        return switch (os) {
            case LINUX -> List.of(new LinuxPendingUpdatesCollector(), new LinuxSoftwareCollector(),
                    new LinuxOsCollector(), new LinuxAutoUpdatesCollector(), new LinuxScreenLockCollector(),
                    new LinuxIdleSleepCollector(), new LinuxDiskEncryptionCollector(), new LinuxFirewallCollector(),
                    new LinuxAntivirusCollector(), new LinuxLoginScreenCollector(), new LinuxAccountsCollector(),
                    new LinuxTimeSyncCollector(), new LinuxUsbAutorunCollector(), new LinuxWifiCollector());
            case WINDOWS -> List.of(new WindowsOsCollector(), new WindowsUpdatesCollector(),
                    new WindowsScreenLockCollector(), new WindowsIdleSleepCollector(), new WindowsBitLockerCollector(),
                    new WindowsFirewallCollector(), new WindowsAntivirusCollector(), new WindowsAccountsCollector(),
                    new WindowsTimeSyncCollector(), new WindowsSoftwareCollector(), new WindowsUsbAutorunCollector(),
                    new WindowsWifiCollector());
            case MACOS -> List.of(new MacosWifiCollector(), new MacosOsCollector(), new MacosUpdatesCollector(),
                    new MacosScreenLockCollector(), new MacosIdleSleepCollector(), new MacosFileVaultCollector(),
                    new MacosFirewallCollector(), new MacosAntivirusCollector(), new MacosAccountsCollector(),
                    new MacosTimeSyncCollector(), new MacosSoftwareCollector(), new MacosUsbAutorunCollector());
        };
    }
}
