package org.hygie.audit.collect.windows;

import java.util.List;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;

/**
 * BitLocker on the system drive, readable by a standard user through the Shell property
 * {@code System.Volume.BitLockerProtection} ({@code manage-bde} and {@code Get-BitLockerVolume} need an
 * administrator). Values seen in public code, undocumented: 1, 5, 6 on; 2 off; 3 encrypting; 4 decrypting.
 */
public final class WindowsBitLockerCollector implements Collector {
    static final String SOURCE = "Shell property System.Volume.BitLockerProtection of %SystemDrive%";

    @Override
    public String id() {
        return "windows.bitlocker";
    }

    @Override
    public Set<String> provides() {
        return Set.of("disk.encryption", "disk.encryption_method");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        WindowsBatch.Section s = WindowsBatch.of(ctx).section("bitlocker_protection", SOURCE);
        if (!s.ok()) {
            return List.of(s.fail("disk.encryption"), s.fail("disk.encryption_method"));
        }
        if (!s.node().canConvertToInt()) {
            Fact bad = Fact.unavailable("disk.encryption", FactStatus.PARSE_ERROR, SOURCE, "value " + s.node());
            return List.of(bad, bad.as("disk.encryption_method"));
        }
        int v = s.node().asInt();
        String state = switch (v) {
            case 1, 5, 6 -> "on";
            case 2 -> "off";
            case 3 -> "in_progress";
            case 4 -> "decrypting";
            default -> null;
        };
        if (state == null) {
            Fact bad = Fact.unavailable("disk.encryption", FactStatus.PARSE_ERROR, SOURCE, "unknown value " + v);
            return List.of(bad, bad.as("disk.encryption_method"));
        }
        return List.of(Fact.of("disk.encryption", state, SOURCE + " = " + v),
                Fact.of("disk.encryption_method", "BitLocker", SOURCE));
    }
}
