package org.hygie.audit.collect.windows;

import static org.hygie.audit.TestRecordings.collect;
import static org.hygie.audit.TestRecordings.fact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hygie.audit.TestRecordings;
import org.hygie.audit.backup.BackupStatusSource;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.collect.OsFamily;
import org.hygie.audit.collect.PlatformCollectors;
import org.hygie.audit.fact.FactStatus;
import org.hygie.audit.fact.Facts;
import org.hygie.audit.report.JsonReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Windows collectors on the recorded answers of {@code audit-batch.ps1}. */
class WindowsCollectorsTest {
    private static final String W11 = "windows/11-23h2-pro-fr";
    private static final String W11_HOME = "windows/11-24h2-home-fr-thirdparty";
    private static final String W10 = "windows/10-22h2-pro-en";

    @TempDir
    java.nio.file.Path state;

    @Test
    void the_build_decides_windows_11_whatever_product_name_says() {
        Facts f = collect(new WindowsOsCollector(), W11);
        assertEquals("11-23h2-w", fact(f, "os.cycle").value());
        assertTrue(((String) fact(f, "os.name").value()).startsWith("Windows 11 "), fact(f, "os.name").value().toString());
        assertEquals("11-24h2-w", fact(collect(new WindowsOsCollector(), W11_HOME), "os.cycle").value());
        assertEquals("10-22h2-w", fact(collect(new WindowsOsCollector(), W10), "os.cycle").value());
        assertEquals("11-24h2-e", WindowsOsCollector.cycle(26100, "Enterprise"));
        assertEquals("11-24h2-lts", WindowsOsCollector.cycle(26100, "EnterpriseS"));
        assertEquals("10-legacy", WindowsOsCollector.cycle(19044, "Professional"));
        assertEquals("legacy", WindowsOsCollector.cycle(7601, "Professional"));
    }

    @Test
    void powercfg_values_are_read_without_their_translated_labels() {
        String fr = "    Index de paramètre d'alimentation en courant alternatif actuel : 0x00000708\n"
                + "    Index de paramètre d'alimentation en courant continu actuel : 0x00000384\n";
        String en = "    Current AC Power Setting Index: 0x00000e10\n    Current DC Power Setting Index: 0x00000708\n";
        assertEquals(1800L, PowerSetting.ac(fr));
        assertEquals(3600L, PowerSetting.ac(en));
        assertNull(PowerSetting.ac("Accès refusé."));
    }

    @Test
    void security_center_product_state_is_decoded() {
        assertTrue(SecurityCenterState.on(397568) && SecurityCenterState.upToDate(397568));
        assertFalse(SecurityCenterState.on(393472));
        assertTrue(SecurityCenterState.on(397584) && !SecurityCenterState.upToDate(397584));
        assertTrue(SecurityCenterState.on(266240));
    }

    @Test
    void the_lock_is_the_shortest_path_that_really_asks_a_password() {
        Facts w11 = collect(new WindowsScreenLockCollector(), W11);
        assertEquals(600L, fact(w11, "lock.effective_timeout_s").value());
        Facts home = collect(new WindowsScreenLockCollector(), W11_HOME);
        assertEquals(false, fact(home, "lock.enabled").value(), "insecure screen saver and no sleep: no lock path");
        Facts w10 = collect(new WindowsScreenLockCollector(), W10);
        assertEquals(900L, fact(w10, "lock.effective_timeout_s").value(),
                "sleep without CONSOLELOCK does not lock; the inactivity limit does");
    }

    @Test
    void updates_policy_pause_and_last_install() {
        Facts w11 = collect(new WindowsUpdatesCollector(), W11);
        assertEquals("install", fact(w11, "updates.auto_mode").value());
        assertEquals(FactStatus.DEFAULTED, fact(w11, "updates.auto_mode").status(), "no policy: the default applies");
        assertEquals(9L, fact(w11, "updates.last_install_age_days").value());
        assertEquals(false, fact(w11, "updates.reboot_required").value());
        assertEquals("notify", fact(collect(new WindowsUpdatesCollector(), W11_HOME), "updates.auto_mode").value());
        Facts w10 = collect(new WindowsUpdatesCollector(), W10);
        assertEquals("off", fact(w10, "updates.auto_mode").value());
        assertEquals(true, fact(w10, "updates.reboot_required").value());
    }

    @Test
    void defender_or_the_third_party_antivirus_when_defender_cannot_answer() {
        Facts w11 = collect(new WindowsAntivirusCollector(), W11);
        assertEquals("Microsoft Defender", fact(w11, "av.product").value());
        assertEquals(2L, fact(w11, "av.signature_age_h").value());
        Facts home = collect(new WindowsAntivirusCollector(), W11_HOME);
        assertEquals("Avast Antivirus", fact(home, "av.product").value());
        assertEquals(true, fact(home, "av.signatures_up_to_date").value());
        assertEquals(false, fact(collect(new WindowsAntivirusCollector(), W10), "av.realtime").value());
    }

    @Test
    void firewall_profiles_third_party_and_registry_fallback() {
        Facts home = collect(new WindowsFirewallCollector(), W11_HOME);
        assertEquals(true, fact(home, "firewall.enabled").value());
        assertTrue(((String) fact(home, "firewall.product").value()).contains("Avast"));
        Facts w10 = collect(new WindowsFirewallCollector(), W10);
        assertEquals(true, fact(w10, "firewall.enabled").value());
        assertTrue(fact(w10, "firewall.enabled").source().contains("EnableFirewall"), "cmdlet failed: registry read");
    }

    @Test
    void refusals_and_errors_stay_unknown() {
        assertEquals(FactStatus.ACCESS_DENIED, fact(collect(new WindowsAccountsCollector(), W11_HOME), "accounts.guest_enabled").status());
        assertEquals(FactStatus.ACCESS_DENIED, fact(collect(new WindowsWifiCollector(), W11_HOME), "wifi.connected").status());
        assertEquals(FactStatus.ERROR, fact(collect(new WindowsBitLockerCollector(), W10), "disk.encryption").status());
    }

    @Test
    void bitlocker_wifi_accounts_time_usb_software() {
        assertEquals("on", fact(collect(new WindowsBitLockerCollector(), W11), "disk.encryption").value());
        assertEquals("off", fact(collect(new WindowsBitLockerCollector(), W11_HOME), "disk.encryption").value());
        assertEquals("wpa2", fact(collect(new WindowsWifiCollector(), W11), "wifi.security").value());
        assertEquals(false, fact(collect(new WindowsWifiCollector(), W10), "wifi.present").value());
        Facts home = collect(new WindowsAccountsCollector(), W11_HOME);
        assertEquals(true, fact(home, "accounts.auto_login").value());
        assertEquals(true, fact(home, "accounts.auto_login_password_stored").value());
        Facts w10 = collect(new WindowsAccountsCollector(), W10);
        assertEquals(true, fact(w10, "accounts.guest_enabled").value());
        assertEquals(2L, fact(w10, "accounts.password_not_required_count").value());
        assertEquals(false, fact(collect(new WindowsTimeSyncCollector(), W10), "time.sync_enabled").value());
        assertEquals(true, fact(collect(new WindowsUsbAutorunCollector(), W11), "usb.automount_open").value());
        assertEquals(false, fact(collect(new WindowsUsbAutorunCollector(), W10), "usb.automount_open").value());
        assertEquals(List.of("AnyDesk", "Remote Desktop (RDP) allowed"),
                fact(collect(new WindowsSoftwareCollector(), W10), "software.remote_access").value());
    }

    @Test
    void a_stored_auto_logon_password_is_never_shown() {
        String json = JsonReport.render(TestRecordings.audit(W11_HOME, "fr", state, BackupStatusSource.none()));
        assertTrue(json.contains("accounts.auto_login_password_stored"));
        assertFalse(json.toLowerCase(java.util.Locale.ROOT).contains("defaultpassword\""));
    }

    @Test
    void powershell_missing_makes_every_windows_fact_unknown() {
        for (Collector c : PlatformCollectors.forOs(OsFamily.WINDOWS)) {
            Facts f = collect(c, "linux/debian-12-headless");
            for (String id : c.provides()) {
                var x = fact(f, id);
                assertTrue(!x.available() || id.equals("os.family") || id.equals("desktop.present")
                        || id.equals("usb.autorun_disabled") || id.equals("updates.auto_tool"), c.id() + " " + id + " " + x);
            }
        }
        assertEquals(FactStatus.COMMAND_MISSING, fact(collect(new WindowsOsCollector(), "linux/debian-12-headless"), "os.cycle").status());
    }
}
