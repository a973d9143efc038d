package org.hygie.practice.schedule;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.hygie.practice.config.PracticeConfig;

/**
 * The native nightly schedule, as files each OS reads: a systemd user service and timer (Linux), a Task
 * Scheduler task (Windows, its documented XML schema), a launchd agent (macOS, a property list). Each starts
 * {@code hygie run --if-due}: at the scheduled time, and again when the computer comes back (a persistent timer,
 * "start when available", a run at load), so a night missed because the computer was off is caught up once.
 */
public final class ScheduleFiles {
    public static final String SYSTEMD_NAME = "hygie-nightly";
    public static final String WINDOWS_TASK = "\\Hygie\\Passage nocturne";
    public static final String LAUNCHD_LABEL = "org.hygie.nightly";

    private ScheduleFiles() {
    }

    /** The command the scheduler starts: {@code hygie} itself, then {@code run --if-due --config F}. */
    public static List<String> runCommand(List<String> hygie, PracticeConfig config) {
        List<String> argv = new ArrayList<>(hygie);
        argv.add("run");
        argv.add("--if-due");
        if (config.file() != null) {
            argv.add("--config");
            argv.add(config.file().toString());
        }
        return argv;
    }

    // ---- systemd

    public static String systemdService(PracticeConfig config, List<String> hygie) {
        return "[Unit]\n"
                + "Description=Hygie: nightly backup duty (" + oneLine(config.practice()) + ")\n"
                + "\n[Service]\n"
                + "Type=oneshot\n"
                + "ExecStart=" + systemdCommandLine(runCommand(hygie, config)) + "\n"
                + "Nice=10\n"
                + "IOSchedulingClass=idle\n"
                + "TimeoutStartSec=12h\n";
    }

    public static String systemdTimer(PracticeConfig config) {
        LocalTime t = config.schedule();
        return "[Unit]\n"
                + "Description=Hygie: nightly backup duty at " + hhmm(t) + "\n"
                + "\n[Timer]\n"
                + "OnCalendar=*-*-* " + hhmm(t) + ":00\n"
                + "Persistent=true\n"
                + "Unit=" + SYSTEMD_NAME + ".service\n"
                + "\n[Install]\n"
                + "WantedBy=timers.target\n";
    }

    /** systemd's quoting: each word in double quotes, with {@code \} and {@code "} escaped and {@code %} doubled. */
    static String systemdCommandLine(List<String> argv) {
        StringBuilder b = new StringBuilder();
        for (String a : argv) {
            if (b.length() > 0) {
                b.append(' ');
            }
            String e = a.replace("\\", "\\\\").replace("\"", "\\\"").replace("%", "%%").replace("$", "$$");
            b.append(a.matches("[A-Za-z0-9_./:=@+-]+") ? e : "\"" + e + "\"");
        }
        return b.toString();
    }

    // ---- Windows Task Scheduler

    /** The task definition (Task Scheduler schema 1.2), to be written in UTF-16 as the schema's tools expect. */
    public static String windowsTask(PracticeConfig config, List<String> hygie, String author) {
        List<String> argv = runCommand(hygie, config);
        StringBuilder args = new StringBuilder();
        for (String a : argv.subList(1, argv.size())) {
            if (args.length() > 0) {
                args.append(' ');
            }
            args.append(windowsQuote(a));
        }
        LocalTime t = config.schedule();
        return "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
                + "<Task version=\"1.2\" xmlns=\"http://schemas.microsoft.com/windows/2004/02/mit/task\">\n"
                + "  <RegistrationInfo>\n"
                + "    <Author>" + xml(author) + "</Author>\n"
                + "    <Description>" + xml("Hygie : passage de sauvegarde nocturne (" + config.practice() + ")")
                + "</Description>\n"
                + "    <URI>" + xml(WINDOWS_TASK) + "</URI>\n"
                + "  </RegistrationInfo>\n"
                + "  <Triggers>\n"
                + "    <CalendarTrigger>\n"
                + "      <StartBoundary>2026-01-01T" + hhmm(t) + ":00</StartBoundary>\n"
                + "      <Enabled>true</Enabled>\n"
                + "      <ScheduleByDay>\n"
                + "        <DaysInterval>1</DaysInterval>\n"
                + "      </ScheduleByDay>\n"
                + "    </CalendarTrigger>\n"
                + "    <LogonTrigger>\n"
                + "      <Enabled>true</Enabled>\n"
                + "      <Delay>PT10M</Delay>\n"
                + "    </LogonTrigger>\n"
                + "  </Triggers>\n"
                + "  <Principals>\n"
                + "    <Principal id=\"Author\">\n"
                + "      <LogonType>InteractiveToken</LogonType>\n"
                + "      <RunLevel>LeastPrivilege</RunLevel>\n"
                + "    </Principal>\n"
                + "  </Principals>\n"
                + "  <Settings>\n"
                + "    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>\n"
                + "    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>\n"
                + "    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>\n"
                + "    <StartWhenAvailable>true</StartWhenAvailable>\n"
                + "    <RunOnlyIfNetworkAvailable>false</RunOnlyIfNetworkAvailable>\n"
                + "    <WakeToRun>true</WakeToRun>\n"
                + "    <ExecutionTimeLimit>PT12H</ExecutionTimeLimit>\n"
                + "    <Priority>7</Priority>\n"
                + "  </Settings>\n"
                + "  <Actions Context=\"Author\">\n"
                + "    <Exec>\n"
                + "      <Command>" + xml(argv.get(0)) + "</Command>\n"
                + "      <Arguments>" + xml(args.toString()) + "</Arguments>\n"
                + "    </Exec>\n"
                + "  </Actions>\n"
                + "</Task>\n";
    }

    /** Quoting for a Windows command line (CommandLineToArgvW rules). */
    static String windowsQuote(String a) {
        if (!a.isEmpty() && a.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '"')) {
            return a;
        }
        StringBuilder b = new StringBuilder("\"");
        int slashes = 0;
        for (char c : a.toCharArray()) {
            if (c == '\\') {
                slashes++;
                continue;
            }
            if (c == '"') {
                b.append("\\".repeat(slashes * 2 + 1)).append('"');
            } else {
                b.append("\\".repeat(slashes)).append(c);
            }
            slashes = 0;
        }
        return b.append("\\".repeat(slashes * 2)).append('"').toString();
    }

    // ---- launchd

    public static String launchdPlist(PracticeConfig config, List<String> hygie, String logDir) {
        StringBuilder args = new StringBuilder();
        for (String a : runCommand(hygie, config)) {
            args.append("        <string>").append(xml(a)).append("</string>\n");
        }
        LocalTime t = config.schedule();
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                + "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                + "<plist version=\"1.0\">\n"
                + "<dict>\n"
                + "    <key>Label</key>\n"
                + "    <string>" + LAUNCHD_LABEL + "</string>\n"
                + "    <key>ProgramArguments</key>\n"
                + "    <array>\n" + args
                + "    </array>\n"
                + "    <key>StartCalendarInterval</key>\n"
                + "    <dict>\n"
                + "        <key>Hour</key>\n"
                + "        <integer>" + t.getHour() + "</integer>\n"
                + "        <key>Minute</key>\n"
                + "        <integer>" + t.getMinute() + "</integer>\n"
                + "    </dict>\n"
                + "    <key>RunAtLoad</key>\n"
                + "    <true/>\n"
                + "    <key>ProcessType</key>\n"
                + "    <string>Background</string>\n"
                + "    <key>LowPriorityIO</key>\n"
                + "    <true/>\n"
                + "    <key>Nice</key>\n"
                + "    <integer>10</integer>\n"
                + "    <key>StandardOutPath</key>\n"
                + "    <string>" + xml(logDir + "/hygie-nightly.log") + "</string>\n"
                + "    <key>StandardErrorPath</key>\n"
                + "    <string>" + xml(logDir + "/hygie-nightly.log") + "</string>\n"
                + "</dict>\n"
                + "</plist>\n";
    }

    // ---- helpers

    static String hhmm(LocalTime t) {
        return String.format("%02d:%02d", t.getHour(), t.getMinute());
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace("%", "%%");
    }

    static String xml(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
