package org.hygie.audit.collect.linux;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.collect.CommandResult;
import org.hygie.audit.collect.FileRead;
import org.hygie.audit.collect.KeyValues;
import org.hygie.audit.collect.Outcomes;
import org.hygie.audit.fact.Fact;

/**
 * Whether updates install by themselves: on Debian and Ubuntu, {@code unattended-upgrades} installed and
 * {@code APT::Periodic} asking for it; on Fedora, a {@code dnf-automatic} timer and its {@code apply_updates}.
 * Gives {@code updates.auto_mode}: {@code install}, {@code download}, {@code notify} or {@code off}.
 */
public final class LinuxAutoUpdatesCollector implements Collector {
    private static final Pattern APT_LINE = Pattern.compile("^(APT::Periodic::[A-Za-z-]+)\\s+\"([^\"]*)\";", Pattern.MULTILINE);

    @Override
    public String id() {
        return "linux.auto-updates";
    }

    @Override
    public Set<String> provides() {
        return Set.of("updates.auto_mode", "updates.auto_tool");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        CommandResult apt = ctx.run("apt-config", "dump");
        if (apt.completed()) {
            return apt(ctx, apt);
        }
        if (ctx.run("dnf", "--version").completed()) {
            return dnf(ctx);
        }
        Fact missing = Outcomes.failed("updates.auto_mode", "apt-config dump", apt);
        return List.of(missing, missing.as("updates.auto_tool"));
    }

    private List<Fact> apt(CollectionContext ctx, CommandResult dump) {
        String source = "apt-config dump";
        if (!dump.ok()) {
            Fact bad = Outcomes.failed("updates.auto_mode", source, dump);
            return List.of(bad, bad.as("updates.auto_tool"));
        }
        Map<String, String> periodic = new HashMap<>();
        Matcher m = APT_LINE.matcher(dump.stdout());
        while (m.find()) {
            periodic.put(m.group(1), m.group(2));
        }
        CommandResult pkg = ctx.run("dpkg-query", "-W", "-f=${db:Status-Status}", "unattended-upgrades");
        boolean installed = pkg.ok() && pkg.stdout().strip().equals("installed");
        String mode;
        if (installed && on(periodic, "APT::Periodic::Unattended-Upgrade")) {
            mode = "install";
        } else if (on(periodic, "APT::Periodic::Download-Upgradeable-Packages")) {
            mode = "download";
        } else if (on(periodic, "APT::Periodic::Update-Package-Lists")) {
            mode = "notify";
        } else {
            mode = "off";
        }
        String tool = installed ? "unattended-upgrades" : "apt (unattended-upgrades not installed)";
        String where = source + "; dpkg-query unattended-upgrades";
        return List.of(Fact.of("updates.auto_mode", mode, where), Fact.of("updates.auto_tool", tool, where));
    }

    private static boolean on(Map<String, String> periodic, String key) {
        String v = periodic.get(key);
        return v != null && !v.equals("0") && !v.isBlank() && !v.equalsIgnoreCase("false");
    }

    private List<Fact> dnf(CollectionContext ctx) {
        boolean installTimer = Systemd.isEnabled(ctx, "dnf-automatic-install.timer").is("enabled");
        Systemd.UnitState dnf4 = Systemd.isEnabled(ctx, "dnf-automatic.timer");
        Systemd.UnitState dnf5 = Systemd.isEnabled(ctx, "dnf5-automatic.timer");
        String source = "systemctl is-enabled dnf-automatic*.timer; automatic.conf";
        if (!installTimer && !dnf4.answered() && !dnf5.answered()) {
            Fact bad = Outcomes.failed("updates.auto_mode", dnf4.command(), dnf4.result());
            return List.of(bad, bad.as("updates.auto_tool"));
        }
        String tool = dnf5.is("enabled") ? "dnf5-automatic" : "dnf-automatic";
        if (installTimer) {
            return List.of(Fact.of("updates.auto_mode", "install", source),
                    Fact.of("updates.auto_tool", "dnf-automatic-install", source));
        }
        if (!dnf4.is("enabled") && !dnf5.is("enabled")) {
            return List.of(Fact.of("updates.auto_mode", "off", source), Fact.of("updates.auto_tool", "dnf", source));
        }
        Map<String, String> conf = new HashMap<>();
        for (String path : new String[] {"/usr/share/dnf5/dnf5-plugins/automatic.conf",
                "/etc/dnf/dnf5-plugins/automatic.conf", "/etc/dnf/automatic.conf"}) {
            FileRead r = ctx.files().read(path);
            if (r.ok()) {
                conf.putAll(KeyValues.parse(r.text()));
            }
        }
        String mode = KeyValues.truthy(conf.get("commands.apply_updates")) ? "install"
                : KeyValues.truthy(conf.getOrDefault("commands.download_updates", "yes")) ? "download" : "notify";
        return List.of(Fact.of("updates.auto_mode", mode, source), Fact.of("updates.auto_tool", tool, source));
    }
}
