package org.hygie.audit.collect.windows;

import java.util.List;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.fact.Fact;

/**
 * Windows Time: {@code W32Time\Parameters\Type} ({@code NTP}, {@code NT5DS}, {@code AllSync} sync;
 * {@code NoSync} does not) and the service not disabled ({@code Start} ≠ 4).
 */
public final class WindowsTimeSyncCollector implements Collector {
    static final String PARAMS = "HKLM\\SYSTEM\\CurrentControlSet\\Services\\W32Time\\Parameters";
    static final String SERVICE = "HKLM\\SYSTEM\\CurrentControlSet\\Services\\W32Time";

    @Override
    public String id() {
        return "windows.time-sync";
    }

    @Override
    public Set<String> provides() {
        return Set.of("time.sync_enabled", "time.sync_tool");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        WindowsBatch batch = WindowsBatch.of(ctx);
        WindowsBatch.Section params = batch.registry(PARAMS);
        if (!params.ok()) {
            return List.of(params.fail("time.sync_enabled"), params.fail("time.sync_tool"));
        }
        String type = params.text("Type") == null ? "NTP" : params.text("Type");
        WindowsBatch.Section service = batch.registry(SERVICE);
        boolean disabled = service.ok() && Long.valueOf(4).equals(service.number("Start"));
        String tool = "W32Time (" + type + (params.text("NtpServer") != null ? ", " + params.text("NtpServer") : "") + ")";
        return List.of(Fact.of("time.sync_enabled", !disabled && !type.equalsIgnoreCase("NoSync"),
                PARAMS + "\\Type = " + type + (disabled ? "; service disabled" : "")),
                Fact.of("time.sync_tool", tool, PARAMS));
    }
}
