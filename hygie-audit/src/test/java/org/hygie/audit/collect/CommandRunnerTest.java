package org.hygie.audit.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.hygie.audit.fact.FactStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandRunnerTest {
    @TempDir
    Path dir;

    @Test
    void a_missing_program_is_reported_as_missing() {
        CommandResult r = new LiveCommandRunner().run(Command.of("hygie-no-such-program-" + System.nanoTime()));
        assertEquals(CommandResult.Outcome.NOT_FOUND, r.outcome());
        assertEquals(FactStatus.COMMAND_MISSING, Outcomes.statusOf(r));
    }

    @Test
    void a_command_that_hangs_is_stopped_at_its_limit() {
        assumeTrue(Files.exists(Path.of("/bin/sleep")));
        long t0 = System.nanoTime();
        CommandResult r = new LiveCommandRunner().run(Command.of("/bin/sleep", "30").withTimeout(Duration.ofMillis(300)));
        assertEquals(CommandResult.Outcome.TIMEOUT, r.outcome());
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L);
    }

    @Test
    void commands_run_untranslated_with_stdin() {
        assumeTrue(Files.exists(Path.of("/bin/sh")));
        CommandResult r = new LiveCommandRunner().run(Command.of("/bin/sh", "-c", "echo $LC_ALL; cat").withStdin("hello"));
        assertEquals("C\nhello", r.stdout().strip());
    }

    @Test
    void refusals_are_recognised_in_several_languages() {
        assertEquals(FactStatus.ACCESS_DENIED, Outcomes.statusOfText("Authorization failed."));
        assertEquals(FactStatus.ACCESS_DENIED, Outcomes.statusOfText("ERREUR : Accès refusé."));
        assertEquals(FactStatus.NOT_SUPPORTED, Outcomes.statusOfText("System has not been booted with systemd as init system"));
        assertEquals(FactStatus.ERROR, Outcomes.statusOfText("segmentation fault"));
    }

    @Test
    void a_replay_answers_recorded_commands_and_says_others_are_missing() throws Exception {
        Files.writeString(dir.resolve("commands.json"), "{\"uname -s\": {\"exit\": 0, \"stdout\": \"Linux\\n\"},"
                + "\"slow\": {\"outcome\": \"timeout\"}}");
        ReplayCommandRunner replay = new ReplayCommandRunner(dir);
        assertEquals("Linux\n", replay.run(Command.of("uname", "-s")).stdout());
        assertEquals(CommandResult.Outcome.TIMEOUT, replay.run(Command.of("slow")).outcome());
        assertEquals(CommandResult.Outcome.NOT_FOUND, replay.run(Command.of("nmcli")).outcome());
    }

    @Test
    void recorded_files_can_be_refused() throws Exception {
        Files.createDirectories(dir.resolve("root/etc"));
        Files.writeString(dir.resolve("root/etc/shadow.denied"), "");
        Files.writeString(dir.resolve("root/etc/hostname"), "cabinet\n");
        RecordedHostFiles files = new RecordedHostFiles(dir);
        assertEquals(FileRead.Status.DENIED, files.read("/etc/shadow").status());
        assertEquals("cabinet\n", files.read("/etc/hostname").text());
        assertEquals(FileRead.Status.MISSING, files.read("/etc/nothing").status());
    }

    @Test
    void key_values_and_ini_sections() {
        var v = KeyValues.parse("# c\nID=debian\nPRETTY_NAME=\"Debian 12\"\n[daemon]\nAutomaticLoginEnable = True\n");
        assertEquals("debian", v.get("ID"));
        assertEquals("Debian 12", v.get("PRETTY_NAME"));
        assertTrue(KeyValues.truthy(v.get("daemon.automaticloginenable")));
    }
}
