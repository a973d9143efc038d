package org.hygie.backup.fs;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.hygie.repository.id.Id;

/**
 * The real restic 0.14 binary for interop tests: {@code /usr/bin/restic}, or the path in {@code HYGIE_RESTIC}. A
 * missing binary or another version fails the test with a message; it never skips. The password goes through
 * {@code RESTIC_PASSWORD}, never argv.
 */
final class ResticCli {
    private final String binary;
    private final Map<String, String> env = new HashMap<>();

    ResticCli(Path repository, String timeZone) throws Exception {
        this(configuredBinary(), repository, timeZone);
    }

    static String configuredBinary() {
        String configured = System.getenv("HYGIE_RESTIC");
        return configured != null && !configured.isEmpty() ? configured : "/usr/bin/restic";
    }

    ResticCli(String binary, Path repository, String timeZone) throws Exception {
        this.binary = binary;
        if (!Files.isExecutable(Path.of(binary))) {
            fail("restic 0.14 is needed for this interop test and was not found at " + binary
                    + " (install it with `apt-get install restic`, or set HYGIE_RESTIC to its path)");
        }
        if (!timeZone.equals("UTC") && !Files.isRegularFile(Path.of("/usr/share/zoneinfo", timeZone))) {
            // Go would silently fall back to UTC and every time in the trees would differ
            fail("restic needs the zone " + timeZone + " from /usr/share/zoneinfo (install it with `apt-get install tzdata`)");
        }
        env.put("RESTIC_REPOSITORY", repository.toString());
        env.put("RESTIC_PASSWORD", "hygie-interop-test");
        env.put("TZ", timeZone);
        String version = new String(Shell.run(env, binary, "version"), StandardCharsets.UTF_8);
        if (!version.startsWith("restic 0.14.")) {
            fail("this interop test pins restic 0.14 (the tree format reference); " + binary + " is: " + version.trim());
        }
    }

    byte[] run(String... args) throws Exception {
        String[] command = new String[args.length + 2];
        command[0] = binary;
        command[1] = "--no-cache";
        System.arraycopy(args, 0, command, 2, args.length);
        return Shell.run(env, command);
    }

    void init() throws Exception {
        run("init", "--repository-version", "2");
    }

    /** Backs {@code target} up; returns the new snapshot's id. */
    String backup(Path target) throws Exception {
        run("backup", "--host", "hygie-test", target.toString());
        JsonNode list = new ObjectMapper().readTree(run("snapshots", "--json"));
        if (list.size() != 1) {
            throw new IOException("expected one snapshot, got " + list);
        }
        return list.get(0).get("id").asText();
    }

    /** The root tree id, read from {@code restic cat snapshot}. */
    Id rootTree(String snapshot) throws Exception {
        JsonNode sn = new ObjectMapper().readTree(run("cat", "snapshot", snapshot));
        return Id.parse(sn.get("tree").asText());
    }

    /** The plaintext of a tree blob, byte for byte. */
    byte[] treeBytes(Id tree) throws Exception {
        return run("cat", "blob", tree.hex());
    }
}
