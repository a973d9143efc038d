package org.hygie.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.duty.Commands;
import org.hygie.practice.schedule.ScheduleFiles;
import org.hygie.practice.schedule.Scheduler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code hygie schedule install|remove}: the native nightly schedule of this OS (files in hygie-practice). */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "Programme le passage nocturne (systemd, Planificateur de tâches, launchd) / installs the "
                + "native nightly schedule.")
final class ScheduleCommand implements Callable<Integer> {
    /**
     * The system properties by which zstd-jni and sqlite-jdbc load their native code from where the launcher put it,
     * instead of copying it into the temporary folder at each start.
     */
    static final List<String> NATIVE_LIBRARY_PROPERTIES = List.of("ZstdNativePath", "org.sqlite.lib.path",
            "org.sqlite.lib.name");

    @ParentCommand
    HygieCommand root;

    @Mixin
    PracticeOptions practice = new PracticeOptions();

    @Parameters(index = "0", paramLabel = "install|remove", description = "install ou remove / install or remove.")
    String action;

    @Option(names = "--print", description = "Afficher les fichiers sans rien installer / show the files, install "
            + "nothing.")
    boolean print;

    @Override
    public Integer call() throws IOException {
        Messages msg = root.messages();
        Terminal t = root.terminal();
        if (!action.equals("install") && !action.equals("remove")) {
            throw new UserError(ExitCode.USAGE, "schedule.bad-action", action);
        }
        Scheduler s = new Scheduler(Scheduler.currentOs(), Path.of(System.getProperty("user.home")), Commands.SYSTEM);
        if (action.equals("remove")) {
            s.remove();
            t.println(msg.get("schedule.removed"));
            return ExitCode.OK;
        }
        PracticeConfig config = practice.load(msg, t, false);
        List<String> hygie = self();
        if (print) {
            switch (Scheduler.currentOs()) {
                case LINUX -> {
                    t.println(ScheduleFiles.systemdService(config, hygie));
                    t.println(ScheduleFiles.systemdTimer(config));
                }
                case WINDOWS -> t.println(ScheduleFiles.windowsTask(config, hygie, System.getProperty("user.name")));
                case MACOS -> t.println(ScheduleFiles.launchdPlist(config, hygie, "~/Library/Logs/Hygie"));
                default -> throw new IllegalStateException();
            }
            return ExitCode.OK;
        }
        Scheduler.Result r = s.install(config, hygie);
        if (!r.ok()) {
            throw new UserError(ExitCode.FAILED, "schedule.failed", r.detail());
        }
        t.println(msg.get("schedule.installed", String.format("%02d:%02d", config.schedule().getHour(),
                config.schedule().getMinute()), r.files().get(0).getParent()));
        if (Scheduler.currentOs() == Scheduler.Os.LINUX) {
            t.println(msg.get("schedule.linger"));
        }
        return ExitCode.OK;
    }

    /** The launcher's own path, which it passes to the program ({@code hygie} script). */
    static final String LAUNCHER_PROPERTY = "hygie.launcher";

    /**
     * How to start this same program again for the night. Through the launcher when this command came through it (on
     * Linux and macOS): the night then gets the JVM options measured for a backup (collector, heap, compiler
     * thresholds) and the class archives, as a backup typed by hand does. Otherwise java with this jar (or these
     * classes) and Main, and the native libraries from where the launcher put them
     * ({@link #NATIVE_LIBRARY_PROPERTIES}), so that the night runs on a computer whose temporary folder is mounted
     * noexec as this command did.
     */
    static List<String> self() {
        String launcher = System.getProperty(LAUNCHER_PROPERTY, "").strip();
        if (!launcher.isEmpty() && Scheduler.currentOs() != Scheduler.Os.WINDOWS) {
            Path script = Path.of(launcher);
            if (script.isAbsolute() && Files.isExecutable(script)) {
                return List.of(launcher);
            }
        }
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
                "java").toString());
        List<String> argv = new ArrayList<>();
        argv.add(java);
        for (String name : NATIVE_LIBRARY_PROPERTIES) {
            String value = System.getProperty(name);
            if (value != null && !value.isBlank()) {
                argv.add("-D" + name + "=" + value);
            }
        }
        String where = HygieCommand.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        if (where.endsWith(".jar")) {
            argv.add("-jar");
            argv.add(Path.of(where).toString());
        } else {
            argv.add("-cp");
            argv.add(System.getProperty("java.class.path"));
            argv.add(Main.class.getName());
        }
        return argv;
    }
}
