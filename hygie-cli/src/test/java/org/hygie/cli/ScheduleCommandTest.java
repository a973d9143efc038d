package org.hygie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * Started through the launcher, the night is the launcher itself, so it runs with the options and archives a
     * backup typed by hand gets; a launcher path that is not an absolute path to an executable is not trusted.
     */
    @Test
    void theNightStartsTheLauncherWhenThisCommandCameThroughIt(@TempDir Path tmp) throws Exception {
        String before = System.getProperty(ScheduleCommand.LAUNCHER_PROPERTY);
        try {
            Path launcher = Files.writeString(tmp.resolve("hygie"), "#!/bin/sh\n");
            Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
            System.setProperty(ScheduleCommand.LAUNCHER_PROPERTY, launcher.toString());
            assertEquals(List.of(launcher.toString()), ScheduleCommand.self());

            Path text = Files.writeString(tmp.resolve("not-a-program"), "x");
            for (String wrong : List.of(text.toString(), tmp.resolve("missing").toString(), "hygie", " ")) {
                System.setProperty(ScheduleCommand.LAUNCHER_PROPERTY, wrong);
                List<String> argv = ScheduleCommand.self();
                assertTrue(argv.size() > 2 && (argv.contains("-jar") || argv.contains("-cp")), wrong + ": " + argv);
            }
        } finally {
            if (before == null) {
                System.clearProperty(ScheduleCommand.LAUNCHER_PROPERTY);
            } else {
                System.setProperty(ScheduleCommand.LAUNCHER_PROPERTY, before);
            }
        }
    }
}
