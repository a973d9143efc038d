package org.hygie.audit.collect.windows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;

/**
 * Antivirus on Windows. Microsoft Defender from {@code Get-MpComputerStatus} (real-time protection, signature
 * date) when it is the active antivirus; otherwise the products registered in SecurityCenter2 (on, up to date),
 * which is also the answer when a third-party antivirus makes {@code Get-MpComputerStatus} fail.
 */
public final class WindowsAntivirusCollector implements Collector {
    @Override
    public String id() {
        return "windows.antivirus";
    }

    @Override
    public Set<String> provides() {
        return Set.of("av.present", "av.product", "av.enabled", "av.realtime", "av.signature_age_h",
                "av.signatures_up_to_date");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        WindowsBatch batch = WindowsBatch.of(ctx);
        WindowsBatch.Section mp = batch.section("mp_computer_status", "Get-MpComputerStatus");
        if (mp.ok() && "Normal".equalsIgnoreCase(mp.node().path("AMRunningMode").asText("Normal"))) {
            return defender(mp, ctx);
        }
        WindowsBatch.Section products = batch.section("antivirus_products", "SecurityCenter2 AntiVirusProduct");
        if (!products.ok()) {
            WindowsBatch.Section cause = mp.ok() ? products : mp;
            return List.of(cause.fail("av.present"), cause.fail("av.product"), cause.fail("av.enabled"),
                    cause.fail("av.realtime"), cause.fail("av.signature_age_h"), cause.fail("av.signatures_up_to_date"));
        }
        JsonNode best = null;
        for (JsonNode p : products.node()) {
            if (best == null || SecurityCenterState.on(p.path("productState").asLong())
                    && !SecurityCenterState.on(best.path("productState").asLong())) {
                best = p;
            }
        }
        String src = products.source();
        Fact noAge = Fact.unavailable("av.signature_age_h", FactStatus.NOT_APPLICABLE, src,
                "Security Center gives no signature date");
        if (best == null) {
            Fact na = Fact.unavailable("av.enabled", FactStatus.NOT_APPLICABLE, src, "no antivirus");
            return List.of(Fact.of("av.present", false, src), Fact.of("av.product", "none", src), na,
                    na.as("av.realtime"), noAge, na.as("av.signatures_up_to_date"));
        }
        long state = best.path("productState").asLong();
        boolean on = SecurityCenterState.on(state);
        String where = src + " productState = " + state;
        return List.of(Fact.of("av.present", true, src), Fact.of("av.product", best.path("displayName").asText(), src),
                Fact.of("av.enabled", on, where), Fact.of("av.realtime", on, where), noAge,
                Fact.of("av.signatures_up_to_date", SecurityCenterState.upToDate(state), where));
    }

    private static List<Fact> defender(WindowsBatch.Section mp, CollectionContext ctx) {
        JsonNode n = mp.node();
        String src = mp.source();
        boolean enabled = n.path("AMServiceEnabled").asBoolean(false) && n.path("AntivirusEnabled").asBoolean(false);
        Fact age;
        try {
            OffsetDateTime updated = OffsetDateTime.parse(n.path("AntivirusSignatureLastUpdated").asText());
            age = Fact.of("av.signature_age_h", Duration.between(updated.toInstant(), ctx.clock().instant()).toHours(),
                    src + " AntivirusSignatureLastUpdated");
        } catch (RuntimeException e) {
            age = Fact.unavailable("av.signature_age_h", FactStatus.PARSE_ERROR, src,
                    "AntivirusSignatureLastUpdated: " + n.path("AntivirusSignatureLastUpdated").asText());
        }
        return List.of(Fact.of("av.present", true, src), Fact.of("av.product", "Microsoft Defender", src),
                Fact.of("av.enabled", enabled, src + " AMServiceEnabled, AntivirusEnabled"),
                Fact.of("av.realtime", n.path("RealTimeProtectionEnabled").asBoolean(false),
                        src + " RealTimeProtectionEnabled"), age,
                Fact.unavailable("av.signatures_up_to_date", FactStatus.NOT_APPLICABLE, src, "age known"));
    }
}
