package org.hygie.practice.duty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The health of the disk holding a medium, from SMART ({@code smartctl -H --json}) when smartctl is installed
 * and the disk reports it (many USB enclosures do not); otherwise unknown, with the reason.
 */
public interface SmartProbe {
    enum Health { PASSED, FAILED, UNKNOWN }

    record Result(Health health, String device, String detail) {
        public static Result unknown(String why) {
            return new Result(Health.UNKNOWN, null, why);
        }
    }

    Result check(Path location);

    /** No probe: always unknown. */
    SmartProbe NONE = location -> Result.unknown("not checked");

    /** smartctl through {@code commands}: the device is found with findmnt (Linux) or df (macOS). */
    static SmartProbe smartctl(Commands commands) {
        return new Smartctl(commands);
    }

    /** smartctl's health check. */
    final class Smartctl implements SmartProbe {
        private static final Duration LIMIT = Duration.ofSeconds(60);
        private static final Pattern PARTITION = Pattern.compile("(/dev/(?:nvme\\d+n\\d+|mmcblk\\d+|disk\\d+))(?:p?s?\\d+)?"
                + "|(/dev/[a-z]+?)\\d*");
        private final Commands commands;

        Smartctl(Commands commands) {
            this.commands = commands;
        }

        @Override
        public Result check(Path location) {
            if (!commands.installed("smartctl")) {
                return Result.unknown("smartctl is not installed");
            }
            String device = device(location);
            if (device == null) {
                return Result.unknown("the disk holding " + location + " was not found");
            }
            Result r = ask(List.of("smartctl", "-H", "--json", device), device);
            if (r.health() == Health.UNKNOWN && !r.detail().contains("permission")) {
                Result sat = ask(List.of("smartctl", "-H", "--json", "-d", "sat", device), device);
                if (sat.health() != Health.UNKNOWN) {
                    return sat;
                }
            }
            return r;
        }

        private Result ask(List<String> argv, String device) {
            Commands.Result out = commands.run(argv, null, LIMIT);
            if (out.out().isBlank()) {
                return new Result(Health.UNKNOWN, device, "smartctl said nothing: " + out.tail(200));
            }
            try {
                JsonNode n = new ObjectMapper().readTree(out.out());
                JsonNode passed = n.path("smart_status").path("passed");
                if (passed.isBoolean()) {
                    return new Result(passed.asBoolean() ? Health.PASSED : Health.FAILED, device,
                            n.path("model_name").asText(""));
                }
                StringBuilder why = new StringBuilder();
                for (JsonNode m : n.path("smartctl").path("messages")) {
                    why.append(m.path("string").asText()).append(' ');
                }
                return new Result(Health.UNKNOWN, device, why.length() > 0 ? why.toString().strip()
                        : "no SMART status reported");
            } catch (IOException e) {
                return new Result(Health.UNKNOWN, device, "smartctl output is not JSON");
            }
        }

        /** The whole disk holding {@code location} ({@code /dev/sdb} for {@code /dev/sdb1}), or null. */
        String device(Path location) {
            String os = System.getProperty("os.name", "");
            Commands.Result r;
            if (os.startsWith("Linux")) {
                r = commands.run(List.of("findmnt", "-n", "-o", "SOURCE", "--target", location.toString()), null,
                        Duration.ofSeconds(10));
            } else if (os.startsWith("Mac")) {
                r = commands.run(List.of("df", location.toString()), null, Duration.ofSeconds(10));
            } else {
                return null;
            }
            if (!r.ok()) {
                return null;
            }
            for (String line : r.out().split("\n")) {
                String first = line.strip().split("\\s+")[0];
                String disk = wholeDisk(first);
                if (disk != null) {
                    return disk;
                }
            }
            return null;
        }

        static String wholeDisk(String partition) {
            Matcher m = PARTITION.matcher(partition);
            if (!m.matches() || partition.startsWith("/dev/mapper") || partition.startsWith("/dev/loop")) {
                return null;
            }
            return m.group(1) != null ? m.group(1) : m.group(2);
        }
    }
}
