package org.hygie.repository.host;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** Facts about this machine and process that repository files record: host name, user, uid, gid, pid. */
public final class Host {
    private Host() {
    }

    public static String hostname() {
        try {
            String fromKernel = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            if (!fromKernel.isEmpty()) {
                return fromKernel;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through to the resolver
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String env = System.getenv("HOSTNAME");
            return env == null ? "localhost" : env;
        }
    }

    public static String username() {
        return System.getProperty("user.name", "");
    }

    public static long pid() {
        return ProcessHandle.current().pid();
    }

    /** The process's real uid, or 0 where the OS has none (Windows). */
    public static long uid() {
        return idFromProcStatus("Uid:");
    }

    public static long gid() {
        return idFromProcStatus("Gid:");
    }

    private static long idFromProcStatus(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).strip().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
