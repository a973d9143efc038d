package org.hygie.audit.collect.linux;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.CommandResult;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.collect.Outcomes;
import org.hygie.audit.collect.SoftwareRisks;
import org.hygie.audit.fact.Fact;

/**
 * Installed software: packages ({@code dpkg-query} or {@code rpm}), Flatpak apps and folders in {@code /opt},
 * checked against the risk lists; a running SSH or RDP server counts as a remote-access way in.
 */
public final class LinuxSoftwareCollector implements Collector {
    static final String DPKG = "dpkg-query -W -f=${binary:Package}\\n";
    static final String RPM = "rpm -qa --qf %{NAME}\\n";
    static final String FLATPAK = "flatpak list --app --columns=application";
    private final SoftwareRisks risks = SoftwareRisks.builtIn();

    @Override
    public String id() {
        return "linux.software";
    }

    @Override
    public Set<String> provides() {
        return Set.of("software.count", "software.risky", "software.remote_access");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        String source = DPKG;
        CommandResult r = ctx.run(DPKG.split(" "));
        if (r.outcome() == CommandResult.Outcome.NOT_FOUND) {
            source = RPM;
            r = ctx.run(RPM.split(" "));
        }
        if (!r.ok()) {
            Fact bad = Outcomes.failed("software.count", source, r);
            return List.of(bad, bad.as("software.risky"), bad.as("software.remote_access"));
        }
        List<String> installed = new ArrayList<>(r.stdout().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        long packages = installed.size();
        CommandResult flatpak = ctx.run(FLATPAK.split(" "));
        if (flatpak.ok()) {
            flatpak.stdout().lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(installed::add);
            source += "; " + FLATPAK;
        }
        installed.addAll(ctx.files().list("/opt"));
        source += "; /opt";
        List<String> remote = new ArrayList<>(risks.remoteAccess(installed));
        Set<String> processes = Processes.names(ctx.files());
        if (processes.contains("sshd")) {
            remote.add("SSH server (running)");
        }
        if (processes.contains("xrdp") && !remote.contains("xrdp")) {
            remote.add("xrdp (running)");
        }
        return List.of(Fact.of("software.count", (long) installed.size(), source + " (" + packages + " packages)"),
                Fact.of("software.risky", risks.risky(installed), source),
                Fact.of("software.remote_access", remote, source + "; /proc/*/comm (sshd, xrdp)"));
    }
}
