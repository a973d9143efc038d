package org.hygie.audit.collect.macos;

import java.util.List;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.CommandResult;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.collect.Outcomes;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;

/** FileVault from {@code fdesetup status}: {@code FileVault is On.}, {@code FileVault is Off.}, or a progress line. */
public final class MacosFileVaultCollector implements Collector {
    @Override
    public String id() {
        return "macos.filevault";
    }

    @Override
    public Set<String> provides() {
        return Set.of("disk.encryption", "disk.encryption_method");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        CommandResult r = ctx.run("fdesetup", "status");
        if (!r.ok()) {
            Fact bad = Outcomes.failed("disk.encryption", "fdesetup status", r);
            return List.of(bad, bad.as("disk.encryption_method"));
        }
        String out = r.stdout();
        String state;
        if (out.contains("Encryption in progress")) {
            state = "in_progress";
        } else if (out.contains("Decryption in progress")) {
            state = "decrypting";
        } else if (out.contains("FileVault is On")) {
            state = "on";
        } else if (out.contains("FileVault is Off")) {
            state = "off";
        } else {
            Fact bad = Fact.unavailable("disk.encryption", FactStatus.PARSE_ERROR, "fdesetup status", r.message());
            return List.of(bad, bad.as("disk.encryption_method"));
        }
        return List.of(Fact.of("disk.encryption", state, "fdesetup status"),
                Fact.of("disk.encryption_method", "FileVault", "fdesetup status"));
    }
}
