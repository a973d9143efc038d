package org.hygie.practice.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hygie.practice.TestPractice;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.duty.Commands;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/** The generated schedules, checked against their documented formats (and by systemd itself when present). */
class ScheduleFilesTest {
    @TempDir
    Path tmp;
    PracticeConfig config;
    final List<String> hygie = List.of(System.getProperty("java.home") + "/bin/java", "-jar",
            "/opt/hygie/hygie 100%.jar");

    @BeforeEach
    void setUp() throws Exception {
        TestPractice p = new TestPractice(tmp);
        p.extraYaml = "";
        config = p.load();
    }

    @Test
    void systemdUnitsAreAcceptedBySystemd() throws Exception {
        String service = ScheduleFiles.systemdService(config, hygie);
        String timer = ScheduleFiles.systemdTimer(config);
        assertTrue(timer.contains("OnCalendar=*-*-* 02:30:00\n") && timer.contains("Persistent=true\n"), timer);
        assertTrue(service.contains("ExecStart=" + hygie.get(0) + " -jar \"/opt/hygie/hygie 100%%.jar\" run --if-due"
                + " --config " + config.file()), service);
        Path dir = Files.createDirectories(tmp.resolve("units"));
        Path s = Files.writeString(dir.resolve("hygie-nightly.service"), service);
        Path t = Files.writeString(dir.resolve("hygie-nightly.timer"), timer);
        structure(service, Map.of("Unit", List.of("Description"), "Service", List.of("Type", "ExecStart")));
        structure(timer, Map.of("Unit", List.of("Description"), "Timer", List.of("OnCalendar", "Persistent", "Unit"),
                "Install", List.of("WantedBy")));
        if (Commands.SYSTEM.installed("systemd-analyze")) {
            Commands.Result r = Commands.SYSTEM.run(List.of("systemd-analyze", "verify", "--man=no", s.toString(),
                    t.toString()), dir, Duration.ofSeconds(60));
            String out = r.out() + r.err();
            // the test runs without a systemd manager: keep only what concerns our files
            List<String> ours = out.lines().filter(l -> l.contains("hygie-nightly")).toList();
            assertTrue(ours.isEmpty(), out);
            Commands.Result cal = Commands.SYSTEM.run(List.of("systemd-analyze", "calendar", "*-*-* 02:30:00"), dir,
                    Duration.ofSeconds(30));
            assertEquals(0, cal.exit(), cal.err());
        }
    }

    /** Sections and keys as systemd.syntax(7) describes them: [Section], then Key=Value lines. */
    private static void structure(String unit, Map<String, List<String>> required) {
        Map<String, List<String>> seen = new TreeMap<>();
        String section = null;
        for (String line : unit.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                assertTrue(line.matches("\\[[A-Z][A-Za-z]+]"), line);
                section = line.substring(1, line.length() - 1);
                seen.put(section, new ArrayList<>());
                continue;
            }
            assertTrue(section != null && line.matches("[A-Z][A-Za-z]+=.*"), line);
            seen.get(section).add(line.substring(0, line.indexOf('=')));
        }
        required.forEach((sec, keys) -> assertTrue(seen.containsKey(sec) && seen.get(sec).containsAll(keys),
                sec + " " + keys + " in " + seen));
    }

    @Test
    void windowsTaskFollowsTheTaskSchedulerSchema() throws Exception {
        String xml = ScheduleFiles.windowsTask(config, List.of("C:\\Program Files\\Hygie\\javaw.exe", "-jar",
                "C:\\Program Files\\Hygie\\hygie.jar"), "Dr Exemple & associés");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        Element task = d.getDocumentElement();
        assertEquals("http://schemas.microsoft.com/windows/2004/02/mit/task", task.getNamespaceURI());
        assertEquals("Task", task.getLocalName());
        assertEquals("1.2", task.getAttribute("version"));
        // the children of Task the schema allows, and those a task needs to run
        List<String> allowed = List.of("RegistrationInfo", "Triggers", "Settings", "Data", "Principals", "Actions");
        for (Element c : children(task)) {
            assertTrue(allowed.contains(c.getLocalName()), c.getLocalName());
        }
        Element actions = child(task, "Actions");
        Element exec = child(actions, "Exec");
        assertEquals("C:\\Program Files\\Hygie\\javaw.exe", text(child(exec, "Command")));
        assertEquals("-jar \"C:\\Program Files\\Hygie\\hygie.jar\" run --if-due --config " + config.file(),
                text(child(exec, "Arguments")));
        Element cal = child(child(task, "Triggers"), "CalendarTrigger");
        assertTrue(text(child(cal, "StartBoundary")).matches("\\d{4}-\\d\\d-\\d\\dT02:30:00"));
        assertEquals("1", text(child(child(cal, "ScheduleByDay"), "DaysInterval")));
        Element settings = child(task, "Settings");
        // settingsType is an xs:all of these optional elements (Task Scheduler schema, settingsType complex type)
        List<String> settingsType = List.of("AllowStartOnDemand", "RestartOnFailure", "MultipleInstancesPolicy",
                "DisallowStartIfOnBatteries", "StopIfGoingOnBatteries", "AllowHardTerminate", "StartWhenAvailable",
                "NetworkProfileName", "RunOnlyIfNetworkAvailable", "WakeToRun", "Enabled", "Hidden",
                "DeleteExpiredTaskAfter", "IdleSettings", "NetworkSettings", "ExecutionTimeLimit", "Priority",
                "RunOnlyIfIdle", "UseUnifiedSchedulingEngine", "DisallowStartOnRemoteAppSession");
        java.util.Set<String> seenSettings = new java.util.HashSet<>();
        for (Element c : children(settings)) {
            assertTrue(settingsType.contains(c.getLocalName()), c.getLocalName());
            assertTrue(seenSettings.add(c.getLocalName()), "xs:all: each element once: " + c.getLocalName());
            if (List.of("StartWhenAvailable", "WakeToRun", "DisallowStartIfOnBatteries", "StopIfGoingOnBatteries",
                    "RunOnlyIfNetworkAvailable").contains(c.getLocalName())) {
                assertTrue(List.of("true", "false").contains(text(c)), c.getLocalName());
            }
        }
        int priority = Integer.parseInt(text(child(settings, "Priority")));
        assertTrue(priority >= 0 && priority <= 10, "priorityType is 0..10");
        assertTrue(List.of("Parallel", "Queue", "IgnoreNew", "StopExisting")
                .contains(text(child(settings, "MultipleInstancesPolicy"))));
        assertTrue(List.of("S4U", "Password", "InteractiveToken", "InteractiveTokenOrPassword", "Group", "ServiceAccount")
                .contains(text(child(child(child(task, "Principals"), "Principal"), "LogonType"))));
        assertEquals("true", text(child(settings, "StartWhenAvailable")), "a missed night is caught up");
        assertEquals("true", text(child(settings, "WakeToRun")), "the computer is woken up");
        assertTrue(text(child(settings, "ExecutionTimeLimit")).matches("P(T\\d+H)"));
        assertEquals("IgnoreNew", text(child(settings, "MultipleInstancesPolicy")));
        assertEquals("Author", child(child(task, "Principals"), "Principal").getAttribute("id"));
        assertEquals("Dr Exemple & associés", text(child(child(task, "RegistrationInfo"), "Author")));
        // written as UTF-16 with a byte order mark, as the encoding declaration says
        Scheduler s = new Scheduler(Scheduler.Os.WINDOWS, tmp, recorder(new ArrayList<>()));
        s.install(config, hygie);
        byte[] raw = Files.readAllBytes(s.files().get(0));
        assertEquals((byte) 0xFF, raw[0]);
        assertEquals((byte) 0xFE, raw[1]);
        Document again = f.newDocumentBuilder().parse(new ByteArrayInputStream(raw));
        assertEquals("Task", again.getDocumentElement().getLocalName());
    }

    @Test
    void windowsCommandLineQuoting() {
        assertEquals("plain", ScheduleFiles.windowsQuote("plain"));
        assertEquals("\"a b\"", ScheduleFiles.windowsQuote("a b"));
        assertEquals("\"C:\\dir with space\\\\\"", ScheduleFiles.windowsQuote("C:\\dir with space\\"));
        assertEquals("\"say \\\"hi\\\"\"", ScheduleFiles.windowsQuote("say \"hi\""));
    }

    /** Apple's property list DTD (PropertyList-1.0.dtd), as published with the format. */
    private static final String PLIST_DTD = """
            <!ENTITY % plistObject "(array | data | date | dict | real | integer | string | true | false )" >
            <!ELEMENT plist %plistObject;>
            <!ATTLIST plist version CDATA "1.0" >
            <!ELEMENT array (%plistObject;)*>
            <!ELEMENT dict (key, %plistObject;)*>
            <!ELEMENT key (#PCDATA)>
            <!ELEMENT string (#PCDATA)>
            <!ELEMENT data (#PCDATA)>
            <!ELEMENT date (#PCDATA)>
            <!ELEMENT true EMPTY>
            <!ELEMENT false EMPTY>
            <!ELEMENT real (#PCDATA)>
            <!ELEMENT integer (#PCDATA)>
            """;

    @Test
    void launchdAgentIsAValidPropertyList() throws Exception {
        String plist = ScheduleFiles.launchdPlist(config, hygie, "/Users/dr/Library/Logs/Hygie");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setValidating(true);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setEntityResolver((publicId, systemId) -> {
            assertEquals("-//Apple//DTD PLIST 1.0//EN", publicId);
            return new InputSource(new StringReader(PLIST_DTD));
        });
        List<String> errors = new ArrayList<>();
        b.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                errors.add(e.getMessage());
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e.getMessage());
            }
        });
        Document d = b.parse(new InputSource(new StringReader(plist)));
        assertTrue(errors.isEmpty(), errors.toString());
        Map<String, Element> top = dict(child(d.getDocumentElement(), "dict"));
        assertEquals(ScheduleFiles.LAUNCHD_LABEL, text(top.get("Label")));
        List<String> argv = children(top.get("ProgramArguments")).stream().map(ScheduleFilesTest::text).toList();
        assertEquals(ScheduleFiles.runCommand(hygie, config), argv);
        Map<String, Element> when = dict(top.get("StartCalendarInterval"));
        assertEquals("2", text(when.get("Hour")));
        assertEquals("30", text(when.get("Minute")));
        assertEquals("true", top.get("RunAtLoad").getTagName(), "a missed night is caught up at the next log-in");
        assertFalse(top.containsKey("KeepAlive"), "a nightly job, not a daemon");
    }

    @Test
    void installAndRemoveOnLinuxTalkToTheUserManager() throws Exception {
        List<List<String>> calls = new ArrayList<>();
        Scheduler s = new Scheduler(Scheduler.Os.LINUX, tmp, recorder(calls));
        Scheduler.Result r = s.install(config, hygie);
        assertTrue(r.ok(), r.toString());
        assertTrue(Files.readString(tmp.resolve(".config/systemd/user/hygie-nightly.timer")).contains("Persistent=true"));
        assertEquals(List.of("systemctl", "--user", "enable", "--now", "hygie-nightly.timer"), calls.get(1));
        s.remove();
        assertFalse(Files.exists(tmp.resolve(".config/systemd/user/hygie-nightly.timer")));
        assertEquals(List.of("systemctl", "--user", "disable", "--now", "hygie-nightly.timer"), calls.get(2));
    }

    @Test
    void aFailingSchedulerIsReported() throws Exception {
        Commands failing = new Commands() {
            @Override
            public Result run(List<String> argv, Path workDir, Duration limit) {
                return new Result(1, "", "Failed to connect to bus: No medium found", false);
            }

            @Override
            public boolean installed(String program) {
                return true;
            }
        };
        Scheduler.Result r = new Scheduler(Scheduler.Os.LINUX, tmp, failing).install(config, hygie);
        assertFalse(r.ok());
        assertTrue(r.detail().contains("Failed to connect to bus"), r.detail());
    }

    static Commands recorder(List<List<String>> calls) {
        return new Commands() {
            @Override
            public Result run(List<String> argv, Path workDir, Duration limit) {
                calls.add(argv);
                return new Result(0, argv.equals(List.of("id", "-u")) ? "501\n" : "", "", false);
            }

            @Override
            public boolean installed(String program) {
                return true;
            }
        };
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element x) {
                out.add(x);
            }
        }
        return out;
    }

    private static Element child(Element e, String name) {
        return children(e).stream().filter(c -> name.equals(c.getLocalName() != null ? c.getLocalName()
                : c.getTagName())).findFirst().orElseThrow(() -> new AssertionError("no " + name + " in "
                + e.getTagName()));
    }

    private static Map<String, Element> dict(Element dict) {
        Map<String, Element> out = new TreeMap<>();
        List<Element> c = children(dict);
        for (int i = 0; i < c.size(); i += 2) {
            out.put(text(c.get(i)), c.get(i + 1));
        }
        return out;
    }

    private static String text(Element e) {
        return e.getTextContent().strip();
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
