package org.hygie.audit.collect.macos;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.CommandResult;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.collect.Outcomes;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;

/**
 * Software Update settings and state from {@code /Library/Preferences/com.apple.SoftwareUpdate} (read with
 * {@code defaults read}, world-readable): automatic check, download and macOS install, critical and configuration
 * data updates (absent keys take macOS's defaults: on, except installing macOS updates); the recommended updates
 * waiting ({@code LastRecommendedUpdatesAvailable}, counted as security updates: Apple recommends its security
 * and OS updates) and the last successful check. {@code softwareupdate --list} is online and slow, so not run.
 */
public final class MacosUpdatesCollector implements Collector {
    static final String COMMAND = "defaults read /Library/Preferences/com.apple.SoftwareUpdate";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z");

    @Override
    public String id() {
        return "macos.updates";
    }

    @Override
    public Set<String> provides() {
        return Set.of("updates.auto_mode", "updates.auto_tool", "updates.pending_security", "updates.pending_total",
                "updates.lists_age_days");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        CommandResult r = ctx.run(COMMAND.split(" "));
        if (!r.ok()) {
            Fact bad = Outcomes.failed("updates.auto_mode", COMMAND, r);
            return List.of(bad, bad.as("updates.auto_tool"), bad.as("updates.pending_security"),
                    bad.as("updates.pending_total"), bad.as("updates.lists_age_days"));
        }
        Map<String, String> v = DefaultsText.parse(r.stdout());
        String mode;
        if (!DefaultsText.bool(v, "AutomaticCheckEnabled", true)) {
            mode = "off";
        } else if (DefaultsText.bool(v, "AutomaticallyInstallMacOSUpdates", false)
                && DefaultsText.bool(v, "CriticalUpdateInstall", true) && DefaultsText.bool(v, "ConfigDataInstall", true)) {
            mode = "install";
        } else if (DefaultsText.bool(v, "AutomaticDownload", true)) {
            mode = "download";
        } else {
            mode = "notify";
        }
        Fact pending;
        String count = v.get("LastRecommendedUpdatesAvailable");
        if (count != null && count.matches("\\d+")) {
            pending = Fact.of("updates.pending_security", Long.parseLong(count), COMMAND + " LastRecommendedUpdatesAvailable");
        } else {
            pending = Fact.unavailable("updates.pending_security", FactStatus.NOT_SUPPORTED, COMMAND,
                    "no LastRecommendedUpdatesAvailable: no check recorded");
        }
        Fact age;
        try {
            ZonedDateTime last = ZonedDateTime.parse(v.getOrDefault("LastSuccessfulDate", ""), DATE);
            age = Fact.of("updates.lists_age_days", Duration.between(last.toInstant(), ctx.clock().instant()).toDays(),
                    COMMAND + " LastSuccessfulDate");
        } catch (RuntimeException e) {
            age = Fact.unavailable("updates.lists_age_days", FactStatus.NOT_SUPPORTED, COMMAND, "no LastSuccessfulDate");
        }
        return List.of(Fact.of("updates.auto_mode", mode, COMMAND), Fact.of("updates.auto_tool", "Software Update", COMMAND),
                pending, pending.as("updates.pending_total"), age);
    }
}
