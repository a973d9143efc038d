package org.hygie.audit.collect.linux;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.CommandResult;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.collect.Outcomes;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;

/**
 * Whether the root file system sits on dm-crypt: in {@code lsblk -J} (a tree from disks down to mounted file
 * systems), the node mounted on {@code /} has a {@code crypt} ancestor. When only {@code /home} is encrypted,
 * {@code disk.encryption} is {@code home_only}. Works as a standard user.
 */
public final class LinuxDiskEncryptionCollector implements Collector {
    static final String LSBLK = "lsblk -J -o NAME,TYPE,FSTYPE,MOUNTPOINT";

    @Override
    public String id() {
        return "linux.disk-encryption";
    }

    @Override
    public Set<String> provides() {
        return Set.of("disk.encryption", "disk.encryption_method");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        CommandResult r = ctx.run(LSBLK.split(" "));
        if (!r.ok()) {
            Fact bad = Outcomes.failed("disk.encryption", LSBLK, r);
            return List.of(bad, bad.as("disk.encryption_method"));
        }
        JsonNode devices;
        try {
            devices = new ObjectMapper().readTree(r.stdout()).path("blockdevices");
        } catch (Exception e) {
            Fact bad = Fact.unavailable("disk.encryption", FactStatus.PARSE_ERROR, LSBLK, e.getMessage());
            return List.of(bad, bad.as("disk.encryption_method"));
        }
        Found root = find(devices, "/", new ArrayDeque<>());
        if (root == null) {
            Fact none = Fact.unavailable("disk.encryption", FactStatus.NOT_SUPPORTED, LSBLK,
                    "the root file system is not on a local block device (container or network root)");
            return List.of(none, none.as("disk.encryption_method"));
        }
        if (root.crypt) {
            return List.of(Fact.of("disk.encryption", "on", LSBLK), Fact.of("disk.encryption_method", root.method, LSBLK));
        }
        Found home = find(devices, "/home", new ArrayDeque<>());
        String state = home != null && home.crypt ? "home_only" : "off";
        return List.of(Fact.of("disk.encryption", state, LSBLK),
                Fact.of("disk.encryption_method", home != null && home.crypt ? home.method : "none", LSBLK));
    }

    private record Found(boolean crypt, String method) {
    }

    private static Found find(JsonNode nodes, String mount, Deque<JsonNode> ancestors) {
        for (JsonNode n : nodes) {
            ancestors.push(n);
            if (mountedOn(n, mount)) {
                boolean crypt = false;
                String method = "dm-crypt";
                for (JsonNode a : ancestors) {
                    crypt |= "crypt".equals(a.path("type").asText());
                    if (a.path("fstype").asText("").startsWith("crypto_LUKS")) {
                        method = "LUKS";
                    }
                }
                ancestors.pop();
                return new Found(crypt, method);
            }
            Found below = find(n.path("children"), mount, ancestors);
            ancestors.pop();
            if (below != null) {
                return below;
            }
        }
        return null;
    }

    private static boolean mountedOn(JsonNode n, String mount) {
        if (mount.equals(n.path("mountpoint").asText(null))) {
            return true;
        }
        for (JsonNode m : n.path("mountpoints")) {
            if (mount.equals(m.asText(null))) {
                return true;
            }
        }
        return false;
    }
}
