package org.hygie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleCommandTest {
    private static final Map<String, String> LAUNCHER = Map.of(
            "ZstdNativePath", "/opt/hygie/hygie-cli/target/native/libzstd-jni.so",
            "org.sqlite.lib.path", "/opt/hygie/hygie-cli/target/native",
            "org.sqlite.lib.name", "libsqlitejdbc.so");

    /** The scheduled night starts java itself: it must load the native libraries from where the launcher did. */
    @Test
    void theNightStartsWithTheLaunchersNativeLibrariesWhenThisCommandHadThem() {
        Map<String, String> before = new HashMap<>();
        LAUNCHER.keySet().forEach(k -> before.put(k, System.getProperty(k)));
        try {
            LAUNCHER.forEach(System::setProperty);
            List<String> argv = ScheduleCommand.self();
            int program = Math.max(argv.indexOf("-jar"), argv.indexOf("-cp"));
            LAUNCHER.forEach((k, v) -> {
                int option = argv.indexOf("-D" + k + "=" + v);
                assertTrue(option > 0 && program > option, "-D" + k + ": a JVM option, before the program: " + argv);
            });

            LAUNCHER.keySet().forEach(System::clearProperty);
            List<String> plain = ScheduleCommand.self();
            assertTrue(plain.stream().noneMatch(a -> a.startsWith("-DZstd") || a.startsWith("-Dorg.sqlite")),
                    plain.toString());
            assertEquals(argv.size() - LAUNCHER.size(), plain.size());
        } finally {
            before.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }
}
