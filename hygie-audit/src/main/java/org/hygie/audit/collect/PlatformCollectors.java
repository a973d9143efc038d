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
            case WINDOWS, MACOS -> List.of();
        };
    }
}
