package org.hygie.audit.collect.linux;

import java.util.HashSet;
import java.util.Set;
import org.hygie.audit.collect.FileRead;
import org.hygie.audit.collect.HostFiles;

/** The names of running processes, from {@code /proc/PID/comm} (readable by any user; 15 characters at most). */
final class Processes {
    private Processes() {
    }

    static Set<String> names(HostFiles files) {
        Set<String> names = new HashSet<>();
        for (String pid : files.list("/proc")) {
            if (!pid.chars().allMatch(Character::isDigit)) {
                continue;
            }
            FileRead comm = files.read("/proc/" + pid + "/comm");
            if (comm.ok()) {
                names.add(comm.text().strip());
            }
        }
        return names;
    }
}
