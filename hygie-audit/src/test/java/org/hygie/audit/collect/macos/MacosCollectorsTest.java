package org.hygie.audit.collect.macos;

import static org.hygie.audit.TestRecordings.collect;
import static org.hygie.audit.TestRecordings.fact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.hygie.audit.fact.FactStatus;
import org.hygie.audit.fact.Facts;
import org.junit.jupiter.api.Test;

/** macOS collectors on recorded outputs. */
class MacosCollectorsTest {
    private static final String VENTURA = "macos/13-ventura";
    private static final String SONOMA = "macos/14-sonoma";
    private static final String SEQUOIA = "macos/15-sequoia-fr";

    @Test
    void sw_vers_gives_the_major_release_as_cycle() {
        Facts f = collect(new MacosOsCollector(), VENTURA);
        assertEquals("13", fact(f, "os.cycle").value());
        assertEquals("macOS Ventura 13.7.1", fact(f, "os.name").value());
        assertEquals("15", fact(collect(new MacosOsCollector(), SEQUOIA), "os.cycle").value());
    }

    @Test
    void defaults_text_is_read_at_the_top_level_only() {
        Map<String, String> v = DefaultsText.parse("{\n    A = 1;\n    List =     (\n        {\n            A = 2;\n        }\n    );\n"
                + "    Date = \"2025-09-29 07:41:12 +0000\";\n}\n");
        assertEquals("1", v.get("A"));
        assertEquals("2025-09-29 07:41:12 +0000", v.get("Date"));
        assertTrue(DefaultsText.bool(v, "Missing", true));
    }

    @Test
    void screen_lock_reads_sysadminctl_on_standard_error() {
        Facts v = collect(new MacosScreenLockCollector(), VENTURA);
        assertEquals(305L, fact(v, "lock.effective_timeout_s").value(), "screen saver at 300 s, then 5 s delay");
        Facts s = collect(new MacosScreenLockCollector(), SONOMA);
        assertEquals(600L, fact(s, "lock.effective_timeout_s").value(), "no idleTime: display sleep at 10 min");
        assertEquals(false, fact(collect(new MacosScreenLockCollector(), SEQUOIA), "lock.enabled").value());
    }

    @Test
    void filevault_states() {
        assertEquals("off", fact(collect(new MacosFileVaultCollector(), VENTURA), "disk.encryption").value());
        assertEquals("on", fact(collect(new MacosFileVaultCollector(), SONOMA), "disk.encryption").value());
        assertEquals("in_progress", fact(collect(new MacosFileVaultCollector(), SEQUOIA), "disk.encryption").value());
    }

    @Test
    void software_update_preferences_with_their_defaults() {
        Facts v = collect(new MacosUpdatesCollector(), VENTURA);
        assertEquals("download", fact(v, "updates.auto_mode").value());
        assertEquals(2L, fact(v, "updates.pending_security").value());
        assertEquals(2L, fact(v, "updates.lists_age_days").value(), "checked 2025-09-29, audited 2025-10-01");
        assertEquals("install", fact(collect(new MacosUpdatesCollector(), SONOMA), "updates.auto_mode").value());
        assertEquals("off", fact(collect(new MacosUpdatesCollector(), SEQUOIA), "updates.auto_mode").value());
    }

    @Test
    void firewall_antivirus_accounts() {
        assertEquals(false, fact(collect(new MacosFirewallCollector(), VENTURA), "firewall.enabled").value());
        assertEquals(true, fact(collect(new MacosFirewallCollector(), SONOMA), "firewall.enabled").value());
        Facts av = collect(new MacosAntivirusCollector(), SONOMA);
        assertEquals("ESET Real-time File System Protection", fact(av, "av.product").value());
        assertEquals(false, fact(av, "av.builtin_only").value());
        Facts xp = collect(new MacosAntivirusCollector(), VENTURA);
        assertEquals(true, fact(xp, "av.builtin_only").value());
        assertEquals(239L, fact(xp, "av.signature_age_h").value());
        Facts acc = collect(new MacosAccountsCollector(), VENTURA);
        assertEquals(true, fact(acc, "accounts.auto_login").value());
        assertEquals(true, fact(acc, "accounts.auto_login_password_stored").value());
        assertEquals(true, fact(acc, "accounts.daily_user_admin").value());
        Facts sonoma = collect(new MacosAccountsCollector(), SONOMA);
        assertEquals(FactStatus.DEFAULTED, fact(sonoma, "accounts.auto_login").status());
        assertEquals(false, fact(sonoma, "accounts.daily_user_admin").value());
        assertEquals(true, fact(collect(new MacosAccountsCollector(), SEQUOIA), "accounts.guest_enabled").value());
    }

    @Test
    void network_time_needs_an_administrator() {
        assertEquals(FactStatus.ACCESS_DENIED, fact(collect(new MacosTimeSyncCollector(), VENTURA), "time.sync_enabled").status());
        Facts s = collect(new MacosTimeSyncCollector(), SEQUOIA);
        assertEquals(true, fact(s, "time.sync_enabled").value());
        assertTrue(fact(s, "time.sync_enabled").privileged());
    }

    @Test
    void wifi_security_from_locale_proof_json() {
        assertEquals("wpa2", fact(collect(new MacosWifiCollector(), VENTURA), "wifi.security").value());
        assertEquals("wpa3", fact(collect(new MacosWifiCollector(), SONOMA), "wifi.security").value());
        assertEquals("open", fact(collect(new MacosWifiCollector(), SEQUOIA), "wifi.security").value());
        assertEquals("enterprise", MacosWifiCollector.normalise("spairport_security_mode_wpa2_enterprise"));
    }

    @Test
    void applications_against_the_risk_lists() {
        assertEquals(List.of("AnyDesk"), fact(collect(new MacosSoftwareCollector(), VENTURA), "software.remote_access").value());
        assertEquals(List.of("Transmission"), fact(collect(new MacosSoftwareCollector(), SEQUOIA), "software.risky").value());
    }
}
