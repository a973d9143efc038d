package org.hygie.repository.lock;

import sun.misc.Signal;

/**
 * restic checks whether a lock's owner on the same host is alive by sending it SIGHUP. A JVM exits on
 * SIGHUP by default, so a {@code restic unlock} would kill a running Hygie backup: this ignores SIGHUP.
 */
public final class SighupGuard {
    private static volatile boolean installed;

    private SighupGuard() {
    }

    public static synchronized void install() {
        if (installed) {
            return;
        }
        try {
            Signal.handle(new Signal("HUP"), signal -> { });
            installed = true;
        } catch (IllegalArgumentException e) {
            installed = true; // no SIGHUP on this OS (Windows): nothing to guard against
        }
    }
}
