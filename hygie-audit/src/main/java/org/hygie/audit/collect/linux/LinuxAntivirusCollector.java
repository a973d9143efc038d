package org.hygie.audit.collect.linux;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.CommandResult;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;

/**
 * Antivirus on Linux: ClamAV ({@code clamscan --version} or {@code clamd}), its signature age from the
 * modification time of {@code /var/lib/clamav/daily.{cld,cvd}} (the date printed by clamscan depends on the
 * locale), on-access scanning ({@code clamonacc} running); Microsoft Defender for Endpoint ({@code mdatp}),
 * ESET and Sophos by their install folders.
 */
public final class LinuxAntivirusCollector implements Collector {
    private static final Pattern CLAM_VERSION = Pattern.compile("ClamAV ([0-9][^/\\s]*)");
    private static final String SIGNATURES = "/var/lib/clamav";

    @Override
    public String id() {
        return "linux.antivirus";
    }

    @Override
    public Set<String> provides() {
        return Set.of("av.present", "av.product", "av.enabled", "av.realtime", "av.signature_age_h");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        Set<String> processes = Processes.names(ctx.files());
        CommandResult clam = ctx.run("clamscan", "--version");
        if (clam.completed() || ctx.files().exists("/usr/sbin/clamd")) {
            Matcher m = CLAM_VERSION.matcher(clam.stdout());
            String product = m.find() ? "ClamAV " + m.group(1) : "ClamAV";
            String source = "clamscan --version; " + SIGNATURES;
            boolean realtime = processes.contains("clamonacc");
            return List.of(Fact.of("av.present", true, source), Fact.of("av.product", product, source),
                    Fact.of("av.enabled", true, source),
                    Fact.of("av.realtime", realtime, "/proc/*/comm (clamonacc)"), clamSignatureAge(ctx));
        }
        CommandResult mdatp = ctx.run("mdatp", "health", "--field", "real_time_protection_enabled");
        if (mdatp.completed()) {
            String source = "mdatp health --field real_time_protection_enabled";
            boolean rtp = mdatp.stdout().strip().equals("true");
            return List.of(Fact.of("av.present", true, source),
                    Fact.of("av.product", "Microsoft Defender for Endpoint", source),
                    Fact.of("av.enabled", rtp, source), Fact.of("av.realtime", rtp, source),
                    Fact.unavailable("av.signature_age_h", FactStatus.NOT_SUPPORTED, "mdatp",
                            "signature age of Defender for Endpoint is not read yet"));
        }
        for (String[] vendor : new String[][] {{"/opt/eset", "ESET"}, {"/opt/sophos-spl", "Sophos"}}) {
            if (ctx.files().exists(vendor[0])) {
                Fact unknown = Fact.unavailable("av.enabled", FactStatus.NOT_SUPPORTED, vendor[0],
                        "state of " + vendor[1] + " is not read yet");
                return List.of(Fact.of("av.present", true, vendor[0]), Fact.of("av.product", vendor[1], vendor[0]),
                        unknown, unknown.as("av.realtime"), unknown.as("av.signature_age_h"));
            }
        }
        String source = "clamscan, clamd, mdatp, /opt/eset, /opt/sophos-spl";
        Fact none = Fact.unavailable("av.enabled", FactStatus.NOT_APPLICABLE, source, "no antivirus");
        return List.of(Fact.of("av.present", false, source), Fact.of("av.product", "none", source), none,
                none.as("av.realtime"), none.as("av.signature_age_h"));
    }

    private static Fact clamSignatureAge(CollectionContext ctx) {
        Optional<Instant> newest = Optional.empty();
        for (String name : new String[] {"daily.cld", "daily.cvd"}) {
            Optional<Instant> t = ctx.files().modified(SIGNATURES + "/" + name);
            if (t.isPresent() && (newest.isEmpty() || t.get().isAfter(newest.get()))) {
                newest = t;
            }
        }
        if (newest.isEmpty()) {
            return Fact.unavailable("av.signature_age_h", FactStatus.NOT_SUPPORTED, SIGNATURES,
                    "no ClamAV signature database (daily.cld or daily.cvd): freshclam never ran");
        }
        return Fact.of("av.signature_age_h", Duration.between(newest.get(), ctx.clock().instant()).toHours(),
                SIGNATURES + "/daily.* modification time");
    }
}
