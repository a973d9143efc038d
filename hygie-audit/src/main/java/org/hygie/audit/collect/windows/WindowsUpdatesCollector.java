package org.hygie.audit.collect.windows;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;

/**
 * Windows Update: the automatic-update policy ({@code ...\WindowsUpdate\AU}: {@code NoAutoUpdate},
 * {@code AUOptions}; no policy means automatic, the default), a pause set by the user, the update service disabled
 * ({@code wuauserv Start = 4}); the last successful installation ({@code Microsoft.Update.AutoUpdate} results) and
 * a pending reboot ({@code ...\Auto Update\RebootRequired} present). The online search for pending updates is slow
 * and is not run: {@code updates.pending_security} is not given on Windows.
 */
public final class WindowsUpdatesCollector implements Collector {
    static final String AU = "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU";
    static final String UX = "HKLM\\SOFTWARE\\Microsoft\\WindowsUpdate\\UX\\Settings";
    static final String SERVICE = "HKLM\\SYSTEM\\CurrentControlSet\\Services\\wuauserv";
    static final String REBOOT = "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired";

    @Override
    public String id() {
        return "windows.updates";
    }

    @Override
    public Set<String> provides() {
        return Set.of("updates.auto_mode", "updates.auto_tool", "updates.last_install_age_days",
                "updates.reboot_required");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        WindowsBatch batch = WindowsBatch.of(ctx);
        Fact tool = Fact.of("updates.auto_tool", "Windows Update", AU);
        return List.of(mode(batch, ctx), tool, lastInstall(batch, ctx), reboot(batch));
    }

    private static Fact mode(WindowsBatch batch, CollectionContext ctx) {
        WindowsBatch.Section service = batch.registry(SERVICE);
        if (service.ok() && Long.valueOf(4).equals(service.number("Start"))) {
            return Fact.of("updates.auto_mode", "off", SERVICE + "\\Start = 4 (disabled)");
        }
        WindowsBatch.Section ux = batch.registry(UX);
        String pause = ux.ok() ? ux.text("PauseUpdatesExpiryTime") : null;
        if (pause != null) {
            try {
                if (Instant.parse(pause).isAfter(ctx.clock().instant())) {
                    return Fact.of("updates.auto_mode", "notify", UX + "\\PauseUpdatesExpiryTime = " + pause);
                }
            } catch (DateTimeParseException ignored) {
                // an unreadable pause date is no pause
            }
        }
        WindowsBatch.Section au = batch.registry(AU);
        if (!au.ok()) {
            return au.notFound() ? Fact.defaulted("updates.auto_mode", "install", AU + " (no policy: automatic)")
                    : au.fail("updates.auto_mode");
        }
        if (Long.valueOf(1).equals(au.number("NoAutoUpdate"))) {
            return Fact.of("updates.auto_mode", "off", AU + "\\NoAutoUpdate = 1");
        }
        Long options = au.number("AUOptions");
        if (options == null) {
            return Fact.defaulted("updates.auto_mode", "install", AU + " (AUOptions absent: automatic)");
        }
        String mode = switch (options.intValue()) {
            case 3 -> "download";
            case 4 -> "install";
            case 2, 5, 7 -> "notify";
            default -> "unknown-" + options;
        };
        return Fact.of("updates.auto_mode", mode, AU + "\\AUOptions = " + options);
    }

    private static Fact lastInstall(WindowsBatch batch, CollectionContext ctx) {
        WindowsBatch.Section r = batch.section("update_results", "Microsoft.Update.AutoUpdate Results");
        if (!r.ok()) {
            return r.fail("updates.last_install_age_days");
        }
        String when = r.text("LastInstallationSuccessDate");
        try {
            Instant t = java.time.OffsetDateTime.parse(when).toInstant();
            return Fact.of("updates.last_install_age_days", Duration.between(t, ctx.clock().instant()).toDays(),
                    r.source() + " LastInstallationSuccessDate");
        } catch (RuntimeException e) {
            return Fact.unavailable("updates.last_install_age_days", FactStatus.PARSE_ERROR, r.source(),
                    "unreadable date: " + when);
        }
    }

    private static Fact reboot(WindowsBatch batch) {
        WindowsBatch.Section key = batch.registry(REBOOT);
        if (key.ok()) {
            return Fact.of("updates.reboot_required", true, REBOOT);
        }
        return key.notFound() ? Fact.of("updates.reboot_required", false, REBOOT + " (absent)")
                : key.fail("updates.reboot_required");
    }
}
