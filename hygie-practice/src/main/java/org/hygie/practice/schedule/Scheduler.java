package org.hygie.practice.schedule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.duty.Commands;

/**
 * Installs or removes the nightly schedule on this computer's OS, for the current user: writes the files of
 * {@link ScheduleFiles} where the OS looks for them and tells the OS (systemctl, schtasks, launchctl).
 */
public final class Scheduler {
    public enum Os { LINUX, WINDOWS, MACOS }

    /** What was done: the files written or removed, and the OS commands run with their outcome. */
    public record Result(boolean ok, List<Path> files, List<String> commands, String detail) {
    }

    private final Os os;
    private final Path home;
    private final Commands commands;

    public Scheduler(Os os, Path home, Commands commands) {
        this.os = os;
        this.home = home;
        this.commands = commands;
    }

    public static Os currentOs() {
        String n = System.getProperty("os.name", "");
        return n.startsWith("Windows") ? Os.WINDOWS : n.startsWith("Mac") ? Os.MACOS : Os.LINUX;
    }

    /** Where the files go on this OS. */
    public List<Path> files() {
        return switch (os) {
            case LINUX -> List.of(systemdDir().resolve(ScheduleFiles.SYSTEMD_NAME + ".service"),
                    systemdDir().resolve(ScheduleFiles.SYSTEMD_NAME + ".timer"));
            case WINDOWS -> List.of(windowsDir().resolve("hygie-nightly-task.xml"));
            case MACOS -> List.of(home.resolve("Library/LaunchAgents/" + ScheduleFiles.LAUNCHD_LABEL + ".plist"));
        };
    }

    private Path systemdDir() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() && home.equals(Path.of(System.getProperty("user.home")))
                ? Path.of(xdg) : home.resolve(".config")).resolve("systemd/user");
    }

    private Path windowsDir() {
        String local = System.getenv("LOCALAPPDATA");
        return local != null ? Path.of(local, "Hygie") : home.resolve("AppData/Local/Hygie");
    }

    public Result install(PracticeConfig config, List<String> hygie) throws IOException {
        List<Path> files = files();
        List<String> ran = new ArrayList<>();
        switch (os) {
            case LINUX -> {
                write(files.get(0), ScheduleFiles.systemdService(config, hygie), false);
                write(files.get(1), ScheduleFiles.systemdTimer(config), false);
                if (!run(ran, List.of("systemctl", "--user", "daemon-reload"))
                        || !run(ran, List.of("systemctl", "--user", "enable", "--now",
                        ScheduleFiles.SYSTEMD_NAME + ".timer"))) {
                    return new Result(false, files, ran, last);
                }
            }
            case WINDOWS -> {
                write(files.get(0), ScheduleFiles.windowsTask(config, hygie, System.getProperty("user.name")), true);
                if (!run(ran, List.of("schtasks", "/Create", "/TN", ScheduleFiles.WINDOWS_TASK, "/XML",
                        files.get(0).toString(), "/F"))) {
                    return new Result(false, files, ran, last);
                }
            }
            case MACOS -> {
                Path logs = home.resolve("Library/Logs/Hygie");
                Files.createDirectories(logs);
                write(files.get(0), ScheduleFiles.launchdPlist(config, hygie, logs.toString()), false);
                String uid = uid();
                run(ran, List.of("launchctl", "bootout", "gui/" + uid + "/" + ScheduleFiles.LAUNCHD_LABEL));
                if (!run(ran, List.of("launchctl", "bootstrap", "gui/" + uid, files.get(0).toString()))) {
                    return new Result(false, files, ran, last);
                }
            }
            default -> throw new IllegalStateException();
        }
        return new Result(true, files, ran, null);
    }

    public Result remove() throws IOException {
        List<Path> files = files();
        List<String> ran = new ArrayList<>();
        switch (os) {
            case LINUX -> {
                run(ran, List.of("systemctl", "--user", "disable", "--now", ScheduleFiles.SYSTEMD_NAME + ".timer"));
                for (Path f : files) {
                    Files.deleteIfExists(f);
                }
                run(ran, List.of("systemctl", "--user", "daemon-reload"));
            }
            case WINDOWS -> {
                run(ran, List.of("schtasks", "/Delete", "/TN", ScheduleFiles.WINDOWS_TASK, "/F"));
                Files.deleteIfExists(files.get(0));
            }
            case MACOS -> {
                run(ran, List.of("launchctl", "bootout", "gui/" + uid() + "/" + ScheduleFiles.LAUNCHD_LABEL));
                Files.deleteIfExists(files.get(0));
            }
            default -> throw new IllegalStateException();
        }
        return new Result(true, files, ran, null);
    }

    private String last;

    private boolean run(List<String> ran, List<String> argv) {
        Commands.Result r = commands.run(argv, null, Duration.ofMinutes(1));
        ran.add(String.join(" ", argv) + " → " + (r.ok() ? "ok" : "exit " + r.exit()));
        if (!r.ok()) {
            last = String.join(" ", argv) + ": " + r.tail(500);
        }
        return r.ok();
    }

    private String uid() {
        Commands.Result r = commands.run(List.of("id", "-u"), null, Duration.ofSeconds(10));
        return r.ok() ? r.out().strip() : "501";
    }

    private static void write(Path file, String text, boolean utf16) throws IOException {
        Files.createDirectories(file.getParent());
        if (utf16) {
            byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
            byte[] withBom = new byte[body.length + 2];
            withBom[0] = (byte) 0xFF;
            withBom[1] = (byte) 0xFE;
            System.arraycopy(body, 0, withBom, 2, body.length);
            Files.write(file, withBom);
        } else {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
    }
}
