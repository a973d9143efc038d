package org.hygie.audit.collect.windows;

/**
 * Decodes {@code productState} of SecurityCenter2 products (undocumented bit field, as read by several projects):
 * bits 12–15 give on (0x1000), off (0x0000), snoozed (0x2000) or expired (0x3000); bits 4–7 give up to date (0x00)
 * or out of date (0x10).
 */
final class SecurityCenterState {
    private SecurityCenterState() {
    }

    static boolean on(long state) {
        return (state & 0xF000) == 0x1000;
    }

    static boolean upToDate(long state) {
        return (state & 0x00F0) == 0x00;
    }
}
