package org.hygie.audit.collect.linux;

import static org.hygie.audit.TestRecordings.collect;
import static org.hygie.audit.TestRecordings.fact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.hygie.audit.TestRecordings;
import org.hygie.audit.fact.FactStatus;
import org.hygie.audit.fact.Facts;
import org.junit.jupiter.api.Test;

/** Linux collectors on recorded machines: the facts each output should give. */
class LinuxCollectorsTest {
    private static final String DEBIAN = "linux/debian-12-headless";
    private static final String UBUNTU = "linux/ubuntu-24.04-gnome";
    private static final String FEDORA = "linux/fedora-41-gnome";
    private static final String REFUSALS = "linux/ubuntu-22.04-refusals";

    @Test
    void os_release_gives_the_distribution_and_its_cycle() {
        Facts d = collect(new LinuxOsCollector(), DEBIAN);
        assertEquals("debian", fact(d, "os.product").value());
        assertEquals("12", fact(d, "os.cycle").value());
        assertEquals("Debian GNU/Linux 12 (bookworm)", fact(d, "os.name").value());
        assertEquals("24.04", fact(collect(new LinuxOsCollector(), UBUNTU), "os.cycle").value());
        assertEquals("fedora", fact(collect(new LinuxOsCollector(), FEDORA), "os.product").value());
    }

    @Test
    void pending_security_updates_are_the_lines_from_a_security_suite() throws Exception {
        List<String> lines = Files.readAllLines(TestRecordings.dir(DEBIAN).resolve("out/apt-list.txt"));
        long security = lines.stream().filter(l -> l.contains("[upgradable from:") && l.split(" ")[0].contains("-security")).count();
        long total = lines.stream().filter(l -> l.contains("[upgradable from:")).count();
        Facts f = collect(new LinuxPendingUpdatesCollector(), DEBIAN);
        assertEquals(security, fact(f, "updates.pending_security").value());
        assertEquals(total, fact(f, "updates.pending_total").value());
        assertTrue(security > 0 && security < total);
        assertEquals(0L, fact(f, "updates.lists_age_days").value());
    }

    @Test
    void dnf_check_update_counts_packages_and_security_advisories() {
        Facts f = collect(new LinuxPendingUpdatesCollector(), FEDORA);
        assertEquals(3L, fact(f, "updates.pending_total").value());
        assertEquals(1L, fact(f, "updates.pending_security").value());
        assertEquals(1L, fact(f, "updates.lists_age_days").value());
    }

    @Test
    void stale_package_lists_are_reported_with_their_age() {
        assertEquals(39L, fact(collect(new LinuxPendingUpdatesCollector(), REFUSALS), "updates.lists_age_days").value());
    }

    @Test
    void automatic_updates_need_the_package_and_the_periodic_setting() {
        assertEquals("install", fact(collect(new LinuxAutoUpdatesCollector(), UBUNTU), "updates.auto_mode").value());
        assertEquals("off", fact(collect(new LinuxAutoUpdatesCollector(), DEBIAN), "updates.auto_mode").value());
        assertEquals("notify", fact(collect(new LinuxAutoUpdatesCollector(), REFUSALS), "updates.auto_mode").value());
        assertEquals("off", fact(collect(new LinuxAutoUpdatesCollector(), FEDORA), "updates.auto_mode").value());
    }

    @Test
    void gnome_lock_settings_add_up_to_the_effective_delay() {
        Facts f = collect(new LinuxScreenLockCollector(), UBUNTU);
        assertEquals(true, fact(f, "desktop.present").value());
        assertEquals(true, fact(f, "lock.enabled").value());
        assertEquals(300L, fact(f, "lock.effective_timeout_s").value());
        assertEquals(1800L, fact(collect(new LinuxIdleSleepCollector(), UBUNTU), "sleep.idle_timeout_s").value());
        assertEquals(0L, fact(collect(new LinuxIdleSleepCollector(), FEDORA), "sleep.idle_timeout_s").value());
    }

    @Test
    void without_a_session_gsettings_is_not_asked_and_desktop_points_do_not_apply() {
        Facts f = collect(new LinuxScreenLockCollector(), DEBIAN);
        assertEquals(false, fact(f, "desktop.present").value());
        assertEquals(FactStatus.NOT_APPLICABLE, fact(f, "lock.enabled").status());
        assertEquals(FactStatus.NOT_APPLICABLE, fact(collect(new LinuxUsbAutorunCollector(), DEBIAN), "usb.autorun_disabled").status());
    }

    @Test
    void a_desktop_without_the_gnome_schema_is_not_supported_not_off() {
        Facts f = collect(new LinuxScreenLockCollector(), REFUSALS);
        assertEquals(FactStatus.NOT_SUPPORTED, fact(f, "lock.enabled").status());
        assertTrue(fact(f, "lock.enabled").detail().contains("No such schema"));
    }

    @Test
    void the_root_file_system_is_encrypted_when_a_crypt_device_is_above_it() {
        Facts ubuntu = collect(new LinuxDiskEncryptionCollector(), UBUNTU);
        assertEquals("on", fact(ubuntu, "disk.encryption").value());
        assertEquals("LUKS", fact(ubuntu, "disk.encryption_method").value());
        assertEquals("off", fact(collect(new LinuxDiskEncryptionCollector(), DEBIAN), "disk.encryption").value());
        assertEquals("off", fact(collect(new LinuxDiskEncryptionCollector(), FEDORA), "disk.encryption").value());
        assertEquals(FactStatus.TIMEOUT, fact(collect(new LinuxDiskEncryptionCollector(), REFUSALS), "disk.encryption").status());
    }

    @Test
    void firewall_active_refused_or_absent() {
        Facts ubuntu = collect(new LinuxFirewallCollector(), UBUNTU);
        assertEquals(true, fact(ubuntu, "firewall.enabled").value());
        assertEquals("ufw", fact(ubuntu, "firewall.product").value());
        assertEquals("firewalld", fact(collect(new LinuxFirewallCollector(), FEDORA), "firewall.product").value(),
                "firewall-cmd refused by polkit does not matter when firewalld is active");
        Facts refused = collect(new LinuxFirewallCollector(), REFUSALS);
        assertEquals(FactStatus.ACCESS_DENIED, fact(refused, "firewall.enabled").status(),
                "nftables installed, inactive unit, rules unreadable: unknown, not off");
        Facts none = collect(new LinuxFirewallCollector(), DEBIAN);
        assertEquals(false, fact(none, "firewall.enabled").value());
        assertEquals("none", fact(none, "firewall.product").value());
    }

    @Test
    void clamav_signatures_age_from_the_database_time() {
        Facts f = collect(new LinuxAntivirusCollector(), UBUNTU);
        assertEquals("ClamAV 1.0.7", fact(f, "av.product").value());
        assertEquals(4L, fact(f, "av.signature_age_h").value());
        assertEquals(false, fact(f, "av.realtime").value());
        assertEquals(false, fact(collect(new LinuxAntivirusCollector(), DEBIAN), "av.present").value());
    }

    @Test
    void login_screen_and_accounts() {
        assertEquals(true, fact(collect(new LinuxLoginScreenCollector(), UBUNTU), "accounts.auto_login").value());
        assertEquals(false, fact(collect(new LinuxLoginScreenCollector(), FEDORA), "accounts.auto_login").value());
        Facts kde = collect(new LinuxLoginScreenCollector(), REFUSALS);
        assertEquals(false, fact(kde, "accounts.auto_login").value(), "an empty SDDM autologin user is no auto-login");
        assertEquals(true, fact(kde, "accounts.guest_enabled").value());
        Facts ubuntu = collect(new LinuxAccountsCollector(), UBUNTU);
        assertEquals(true, fact(ubuntu, "accounts.daily_user_admin").value());
        assertEquals(FactStatus.ACCESS_DENIED, fact(ubuntu, "accounts.empty_password_count").status());
        Facts debian = collect(new LinuxAccountsCollector(), DEBIAN);
        assertEquals(0L, fact(debian, "accounts.empty_password_count").value());
        assertTrue(fact(debian, "accounts.empty_password_count").privileged());
        assertEquals(true, fact(collect(new LinuxAccountsCollector(), FEDORA), "accounts.daily_user_admin").value());
        assertEquals(false, fact(collect(new LinuxAccountsCollector(), REFUSALS), "accounts.daily_user_admin").value());
    }

    @Test
    void time_sync_from_timedatectl_or_from_the_running_daemons() {
        Facts fedora = collect(new LinuxTimeSyncCollector(), FEDORA);
        assertEquals(true, fact(fedora, "time.sync_enabled").value());
        assertEquals(false, fact(fedora, "time.synchronized").value());
        Facts debian = collect(new LinuxTimeSyncCollector(), DEBIAN);
        assertEquals(false, fact(debian, "time.sync_enabled").value());
        assertTrue(fact(debian, "time.sync_enabled").source().contains("has not been booted with systemd"));
    }

    @Test
    void software_lists_and_remote_access() {
        Facts ubuntu = collect(new LinuxSoftwareCollector(), UBUNTU);
        assertEquals(List.of("Transmission"), fact(ubuntu, "software.risky").value());
        assertEquals(List.of("AnyDesk"), fact(ubuntu, "software.remote_access").value());
        assertEquals(List.of("SSH server (running)"),
                fact(collect(new LinuxSoftwareCollector(), REFUSALS), "software.remote_access").value());
        assertEquals(List.of("RustDesk"), fact(collect(new LinuxSoftwareCollector(), FEDORA), "software.remote_access").value());
    }

    @Test
    void wifi_security_from_nmcli_and_missing_tools() {
        Facts ubuntu = collect(new LinuxWifiCollector(), UBUNTU);
        assertEquals("wpa2", fact(ubuntu, "wifi.security").value());
        assertEquals("open", fact(collect(new LinuxWifiCollector(), FEDORA), "wifi.security").value());
        assertEquals(false, fact(collect(new LinuxWifiCollector(), DEBIAN), "wifi.present").value());
        assertEquals(FactStatus.COMMAND_MISSING, fact(collect(new LinuxWifiCollector(), REFUSALS), "wifi.connected").status());
        assertEquals("wpa3", LinuxWifiCollector.security("WPA2 WPA3"));
        assertEquals("enterprise", LinuxWifiCollector.security("WPA2 802.1X"));
        assertEquals("wep", LinuxWifiCollector.security("WEP"));
        assertEquals("open", LinuxWifiCollector.security("--"));
        assertEquals("wpa", LinuxWifiCollector.security("WPA1"));
    }

    @Test
    void every_collector_gives_every_fact_it_promises() {
        for (String rec : List.of(DEBIAN, UBUNTU, FEDORA, REFUSALS)) {
            for (var c : org.hygie.audit.collect.PlatformCollectors.forOs(org.hygie.audit.collect.OsFamily.LINUX)) {
                Facts f = collect(c, rec);
                for (String id : c.provides()) {
                    assertTrue(f.get(id).isPresent(), c.id() + " on " + rec + " gives " + id);
                }
                assertFalse(f.all().stream().anyMatch(x -> !c.provides().contains(x.id())), c.id() + " gives only what it declares");
            }
        }
    }
}
