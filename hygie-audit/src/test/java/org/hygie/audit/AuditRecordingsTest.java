package org.hygie.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hygie.audit.backup.BackupStatusSource;
import org.hygie.audit.result.AuditReport;
import org.hygie.audit.result.RuleResult;
import org.hygie.audit.result.Status;
import org.hygie.audit.rule.RuleCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole audits of the recorded machines: what each recording shows (see its README row) must come out as the
 * status of the rule concerned. The manual and backup rules are checked separately.
 */
class AuditRecordingsTest {
    private static final List<String> RULES = List.of("screen-lock", "idle-sleep", "disk-encryption", "os-supported",
            "os-auto-updates", "os-pending-updates", "time-sync", "antivirus", "antivirus-fresh", "firewall",
            "login-password", "auto-login", "guest-account", "daily-admin", "wifi-security", "usb-autorun",
            "installed-software", "remote-access-tools");
    private static final String P = "pass";
    private static final String W = "warn";
    private static final String F = "fail";
    private static final String U = "unknown";
    private static final String N = "not-applicable";

    @TempDir
    Path state;

    /** Expected statuses, in the order of {@link #RULES}. */
    static Stream<Arguments> expectations() {
        return Stream.of(
                Arguments.of("linux/debian-12-headless", List.of(N, N, F, W, F, F, F, F, N, F, P, P, P, W, N, N, P, P)),
                Arguments.of("linux/ubuntu-24.04-gnome", List.of(P, P, P, P, P, P, P, W, P, P, U, F, P, W, P, W, F, W)),
                Arguments.of("linux/fedora-41-gnome", List.of(W, W, F, F, F, W, W, F, N, P, U, P, P, W, F, P, P, W)),
                Arguments.of("linux/ubuntu-22.04-refusals", List.of(U, U, U, P, W, U, P, F, N, U, U, P, F, P, U, U, P, W)),
                Arguments.of("windows/11-23h2-pro-fr", List.of(P, P, P, P, P, P, P, P, P, P, P, P, P, W, P, W, P, W)),
                Arguments.of("windows/11-24h2-home-fr-thirdparty", List.of(F, W, F, P, W, P, P, P, P, P, U, F, U, P, U, P, F, P)),
                Arguments.of("windows/10-22h2-pro-en", List.of(W, P, U, F, F, F, F, W, F, P, W, P, F, P, N, P, F, W)),
                Arguments.of("macos/13-ventura", List.of(P, W, F, F, W, W, U, W, F, F, U, F, P, W, P, N, P, W)),
                Arguments.of("macos/14-sonoma", List.of(P, P, P, P, P, P, U, P, U, P, U, P, P, P, P, N, P, P)),
                Arguments.of("macos/15-sequoia-fr", List.of(F, W, W, P, F, U, P, W, P, P, U, P, F, W, F, N, F, P)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectations")
    void each_recorded_machine_gets_the_statuses_its_facts_call_for(String recording, List<String> expected) {
        AuditReport report = TestRecordings.audit(recording, "en", state, BackupStatusSource.none());
        Map<String, String> got = new LinkedHashMap<>();
        Map<String, String> want = new LinkedHashMap<>();
        for (int i = 0; i < RULES.size(); i++) {
            want.put(RULES.get(i), expected.get(i));
            RuleResult r = report.result(RULES.get(i));
            got.put(RULES.get(i), r.status().code() + (r.status().code().equals(expected.get(i)) ? "" : " (" + r.evidence() + ")"));
        }
        assertEquals(want.toString(), got.toString());
    }

    @ParameterizedTest
    @MethodSource("org.hygie.audit.TestRecordings#allRecordings")
    void every_rule_gets_a_result_with_texts_and_unknowns_say_why(String recording) {
        AuditReport report = TestRecordings.audit(recording, "fr", state, BackupStatusSource.none());
        assertEquals(RuleCatalog.builtIn().rules().size(), report.results().size());
        for (RuleResult r : report.results()) {
            assertFalse(r.title().isBlank(), r.ruleId());
            assertFalse(r.evidence().isBlank(), r.ruleId());
            assertFalse(r.remediation().isBlank(), r.ruleId());
            assertFalse(r.evidence().contains("{"), r.ruleId() + ": unfilled placeholder in " + r.evidence());
            if (r.status() == Status.UNKNOWN || r.status() == Status.NOT_APPLICABLE) {
                assertNotNull(r.reason(), r.ruleId());
            }
        }
        assertEquals(report.results().stream().anyMatch(r -> r.status() == Status.FAIL), report.hasFailures());
    }

    @Test
    void without_a_hygie_backup_the_backup_rules_say_so() {
        AuditReport report = TestRecordings.audit("linux/ubuntu-24.04-gnome", "fr", state, BackupStatusSource.none());
        for (String id : List.of("backup-recent", "backup-offsite", "backup-verified")) {
            RuleResult r = report.result(id);
            assertEquals(Status.FAIL, r.status());
            assertEquals("aucune sauvegarde Hygie configurée", r.evidence());
        }
    }

    @Test
    void manual_points_wait_for_an_attestation() {
        AuditReport report = TestRecordings.audit("windows/11-23h2-pro-fr", "fr", state, BackupStatusSource.none());
        for (String id : List.of("physical-security", "usb-dedicated", "mail-separation", "stay-signed-in", "disposal-wipe")) {
            assertEquals(Status.MANUAL, report.result(id).status(), id);
            assertTrue(report.result(id).remediation().contains("hygie audit attest " + id), id);
        }
    }

    @Test
    void actions_come_most_urgent_first() {
        AuditReport report = TestRecordings.audit("linux/fedora-41-gnome", "en", state, BackupStatusSource.none());
        List<RuleResult> actions = report.actions();
        for (int i = 1; i < actions.size(); i++) {
            RuleResult a = actions.get(i - 1);
            RuleResult b = actions.get(i);
            assertTrue(a.status().urgency() < b.status().urgency() || a.status().urgency() == b.status().urgency()
                    && a.severity().ordinal() <= b.severity().ordinal(), a.ruleId() + " before " + b.ruleId());
        }
        assertEquals(Status.FAIL, actions.get(0).status());
        assertTrue(actions.stream().noneMatch(r -> r.status() == Status.PASS || r.status() == Status.NOT_APPLICABLE));
    }
}
