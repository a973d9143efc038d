package org.hygie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleCommandTest {
    private static final String LIBRARY = "/opt/hygie/hygie-cli/target/native/libzstd-jni.so";

    /** The scheduled night starts java itself: it must load the compression library from where the launcher did. */
    @Test
    void theNightStartsWithTheLaunchersCompressionLibraryWhenThisCommandHadIt() {
        String before = System.getProperty(ScheduleCommand.ZSTD_NATIVE_PATH);
        try {
            System.setProperty(ScheduleCommand.ZSTD_NATIVE_PATH, LIBRARY);
            List<String> argv = ScheduleCommand.self();
            int option = argv.indexOf("-DZstdNativePath=" + LIBRARY);
            int program = Math.max(argv.indexOf("-jar"), argv.indexOf("-cp"));
            assertTrue(option > 0 && program > option, "a JVM option, before the program: " + argv);

            System.clearProperty(ScheduleCommand.ZSTD_NATIVE_PATH);
            List<String> plain = ScheduleCommand.self();
            assertTrue(plain.stream().noneMatch(a -> a.startsWith("-DZstdNativePath")), plain.toString());
            assertEquals(argv.size() - 1, plain.size());
        } finally {
            if (before == null) {
                System.clearProperty(ScheduleCommand.ZSTD_NATIVE_PATH);
            } else {
                System.setProperty(ScheduleCommand.ZSTD_NATIVE_PATH, before);
            }
        }
    }
}
