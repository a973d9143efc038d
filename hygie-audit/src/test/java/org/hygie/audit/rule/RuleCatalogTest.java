package org.hygie.audit.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class RuleCatalogTest {
    static final List<String> ISSUE_IDS = List.of("screen-lock", "idle-sleep", "disk-encryption", "os-supported",
            "os-auto-updates", "os-pending-updates", "antivirus", "antivirus-fresh", "firewall", "login-password",
            "auto-login", "guest-account", "daily-admin", "wifi-security", "usb-autorun", "installed-software",
            "remote-access-tools", "time-sync", "backup-recent", "backup-offsite", "backup-verified",
            "physical-security", "usb-dedicated", "mail-separation", "stay-signed-in", "disposal-wipe",
            "gdpr-register", "gdpr-breach-clock", "gdpr-retention");

    @Test
    void the_catalogue_has_every_stable_id_of_the_issue_and_no_other() {
        List<String> ids = RuleCatalog.builtIn().rules().stream().map(Rule::id).sorted().toList();
        assertEquals(ISSUE_IDS.stream().sorted().toList(), ids);
    }

    @Test
    void the_manual_points_are_the_five_only_the_practice_can_attest() {
        Set<String> manual = Set.copyOf(RuleCatalog.builtIn().rules().stream().filter(r -> r.type() == RuleType.MANUAL)
                .map(Rule::id).toList());
        assertEquals(Set.of("physical-security", "usb-dedicated", "mail-separation", "stay-signed-in", "disposal-wipe"), manual);
    }

    @Test
    void every_automatic_rule_ends_with_a_decision_for_its_facts() {
        for (Rule r : RuleCatalog.builtIn().rules()) {
            if (r.type() == RuleType.AUTO) {
                assertTrue(!r.facts().isEmpty(), r.id() + " lists its facts");
                assertTrue(r.grades().size() >= 2, r.id());
            }
        }
    }

    private static ObjectNode builtInJson() throws Exception {
        try (InputStream in = RuleCatalog.class.getResourceAsStream(RuleCatalog.RESOURCE)) {
            return (ObjectNode) new ObjectMapper().readTree(in);
        }
    }

    private static void refused(String expected, Consumer<ObjectNode> breakIt) throws Exception {
        ObjectNode root = builtInJson();
        breakIt.accept(root);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuleCatalog.parse(root));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void a_broken_catalogue_is_refused_with_the_place_named() throws Exception {
        refused("rule id used twice: screen-lock", root -> ((ArrayNode) root.get("rules")).add(root.get("rules").get(0).deepCopy()));
        refused("rule screen-lock title: missing en text",
                root -> ((ObjectNode) root.get("rules").get(0).get("title")).remove("en"));
        refused("unknown threshold $nope", root -> ((ObjectNode) root.get("rules").get(0).get("grades").get(2).get("when"))
                .put("le", "$nope"));
        refused("unknown evidence key", root -> ((ObjectNode) root.get("rules").get(0).get("grades").get(0)).put("evidence", "nope"));
        refused("unknown section", root -> ((ObjectNode) root.get("rules").get(0)).put("section", "kitchen"));
        refused("needs a default remediation", root -> ((ObjectNode) root.get("rules").get(0).get("remediation")).remove("default"));
    }
}
