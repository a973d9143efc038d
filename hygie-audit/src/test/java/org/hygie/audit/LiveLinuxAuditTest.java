package org.hygie.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hygie.audit.backup.BackupStatusSource;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.OsFamily;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.result.AuditReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit on the Linux machine at hand, compared with what the system's own commands say. Values are not
 * assumed: each expectation is computed here from a shell command, independently of the collectors.
 */
@Tag("live")
class LiveLinuxAuditTest {
    private static AuditReport report;

    @TempDir
    static Path state;

    @BeforeAll
    static void audit() {
        assumeTrue(OsFamily.current() == OsFamily.LINUX, "Linux only");
        AuditOptions o = new AuditOptions("en", OsFamily.LINUX, CollectionContext.live(Clock.systemUTC()), state,
                BackupStatusSource.none(), java.util.Map.of());
        report = new Audit().run(o);
    }

    private static String sh(String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(false).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out;
    }

    private static Fact fact(String id) {
        return report.facts().stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no fact " + id));
    }

    @Test
    void os_release_values_match_the_shell() throws Exception {
        assertEquals(sh(". /etc/os-release; echo \"$ID\""), fact("os.product").value());
        String version = sh(". /etc/os-release; echo \"$VERSION_ID\"");
        if (!version.isEmpty()) {
            assertEquals(version, fact("os.cycle").value());
        }
    }

    @Test
    void firewall_presence_matches_the_installed_tools() throws Exception {
        String tools = sh("for t in ufw nft iptables firewall-cmd firewalld; do command -v $t; done;"
                + " ls /usr/sbin/ufw /usr/sbin/nft /usr/sbin/iptables /usr/sbin/firewalld 2>/dev/null; true");
        String ufwOn = sh("grep -s '^ENABLED=yes' /etc/ufw/ufw.conf; true");
        Fact enabled = fact("firewall.enabled");
        if (tools.isEmpty() && !Files.exists(Path.of("/etc/ufw/ufw.conf"))) {
            assertEquals(false, enabled.value(), "no firewall tool installed: " + enabled);
        } else if (!ufwOn.isEmpty()) {
            assertEquals(true, enabled.value());
        } else {
            assertTrue(enabled.available() || enabled.detail() != null, enabled.toString());
        }
    }

    @Test
    void pending_security_updates_match_apt() throws Exception {
        assumeTrue(!sh("command -v apt; true").isEmpty(), "apt systems");
        String count = sh("LC_ALL=C apt list --upgradable 2>/dev/null | awk '{print $1}' | grep -c -- '-security'; true");
        assertEquals(Long.parseLong(count), fact("updates.pending_security").value());
    }

    @Test
    void root_encryption_matches_lsblk_inverse_tree() throws Exception {
        String source = sh("findmnt -n -o SOURCE / ; true");
        assumeTrue(source.startsWith("/dev/"), "root on a block device");
        String chain = sh("lsblk -n -s -o TYPE '" + source.replaceAll("\\[.*", "") + "' ; true");
        Fact enc = fact("disk.encryption");
        assertEquals(chain.contains("crypt") ? "on" : "off", enc.value(), chain);
    }

    @Test
    void time_sync_matches_timedatectl_when_it_answers() throws Exception {
        String ntp = sh("timedatectl show -p NTP --value 2>/dev/null; true");
        assumeTrue(ntp.equals("yes") || ntp.equals("no"), "timedatectl answers here");
        assertEquals(ntp.equals("yes"), fact("time.sync_enabled").value());
    }

    @Test
    void the_everyday_user_and_installed_packages_match_the_system() throws Exception {
        String user = sh("id -un");
        if (System.getenv("SUDO_USER") == null) {
            assertEquals(user, fact("accounts.daily_user").value());
        }
        if (!sh("command -v dpkg-query; true").isEmpty()) {
            long packages = Long.parseLong(sh("dpkg-query -W -f='${binary:Package}\\n' | grep -c .; true"));
            assertTrue((Long) fact("software.count").value() >= packages);
        }
    }

    @Test
    void every_fact_is_a_value_or_a_reason_and_the_audit_is_quick() {
        for (Fact f : report.facts()) {
            assertTrue(f.available() || f.detail() != null, f.toString());
            assertNotNull(f.source(), f.id());
        }
        assertEquals(List.of(), report.results().stream().filter(r -> r.title().isBlank()).toList());
        assertTrue(report.durationMs() < 20_000, report.durationMs() + " ms");
    }
}
